// Draws the charts whose data the server embedded in data-chart attributes. The tables
// beside each chart carry the same numbers for screen readers and browsers without scripts.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var brand = '#1f3a5f', accent = '#f2b134', muted = 'rgba(77, 90, 107, 0.35)';

  // Progression: per discipline, the hardest grade each month on a time axis in months (year * 12
  // + month - 1) that keeps empty months as gaps, over the pitches climbed; January labelled by its year.
  document.querySelectorAll('canvas.progress-chart').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.chart);
    var januaries = [];
    for (var m = Math.ceil(d.first / 12) * 12; m <= d.last; m += 12) { januaries.push({ value: m }); }
    if (!januaries.length) { januaries.push({ value: d.first }); }
    var lineColours = ['#b71c1c', '#2e7d32'];
    new Chart(canvas, {
      data: { datasets: [{ type: 'bar', label: 'Pitches', data: d.volume, yAxisID: 'volume', backgroundColor: muted,
                           barPercentage: 1, categoryPercentage: 1 }]
        .concat(d.lines.map(function (line, i) {
          return { type: 'line', label: line.label, data: line.points, yAxisID: 'grade', spanGaps: false,
                   borderColor: lineColours[i % 2], backgroundColor: lineColours[i % 2], pointRadius: 2, borderWidth: 2 };
        })) },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { type: 'linear', min: d.first - 0.5, max: d.last + 0.5, grid: { display: false },
               afterBuildTicks: function (axis) { axis.ticks = januaries; },
               ticks: { autoSkip: true, callback: function (v) {
                 return v % 12 === 0 ? String(v / 12) : (Math.floor(v / 12) + '-' + ('0' + (v % 12 + 1)).slice(-2)); } } },
          grade: { position: 'left', ticks: { stepSize: 1, callback: function (v) { return d.grades[v] || ''; } } },
          volume: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'Pitches' } }
        },
        plugins: { tooltip: { callbacks: {
          title: function (items) { var v = items[0].parsed.x; return Math.floor(v / 12) + '-' + ('0' + (v % 12 + 1)).slice(-2); },
          label: function (item) {
            return item.dataset.yAxisID === 'grade' ? item.dataset.label + ': ' + (d.grades[item.parsed.y] || item.parsed.y)
              : item.parsed.y + ' pitches';
          } } } } }
    });
  });

  // How you climb: a bar per discipline, stacked by style in the pyramid's colours.
  var styleColours = { onsight: '#2e7d32', flash: '#8a5a00', redpoint: '#b71c1c', pinkpoint: '#ad1457', solo: '#6a1b9a',
    repeat: '#455a64', 'top-rope': '#1565c0', follow: '#00695c', attempt: '#9aa5b4' };
  var styles = document.getElementById('style-chart');
  if (styles) {
    var st = JSON.parse(styles.dataset.chart);
    new Chart(styles, {
      type: 'bar',
      data: { labels: st.labels, datasets: st.series.map(function (s) {
        return { label: s.label, data: s.data, backgroundColor: styleColours[s.style] || brand };
      }) },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
})();
