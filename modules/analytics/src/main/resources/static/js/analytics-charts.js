// Draws the charts whose data the server embedded in data-chart attributes. The tables
// beside each chart carry the same numbers for screen readers and browsers without scripts.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var brand = '#1f3a5f', accent = '#f2b134', muted = 'rgba(77, 90, 107, 0.35)';

  var pyramid = document.getElementById('pyramid-chart');
  if (pyramid) {
    var data = JSON.parse(pyramid.dataset.chart);
    new Chart(pyramid, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          { label: 'Sends', data: data.sends, backgroundColor: brand },
          { label: 'Ideal pyramid', data: data.ideal, backgroundColor: muted }
        ]
      },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  var volume = document.getElementById('volume-chart');
  if (volume) {
    var v = JSON.parse(volume.dataset.chart);
    new Chart(volume, {
      type: 'bar',
      data: { labels: v.labels, datasets: [
        { label: 'Pitches', data: v.pitches, backgroundColor: brand },
        { label: 'Days out', data: v.days, backgroundColor: accent }
      ] },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  var styles = document.getElementById('style-chart');
  if (styles) {
    var st = JSON.parse(styles.dataset.chart);
    new Chart(styles, {
      type: 'bar',
      data: { labels: st.labels, datasets: [{ label: 'Ticks', data: st.ticks, backgroundColor: brand }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
})();
