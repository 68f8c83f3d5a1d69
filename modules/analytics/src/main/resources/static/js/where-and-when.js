// The days-out calendar: a tap (phones have no hover) or a pointer on a day shows its numbers
// below the calendar. The seasons table carries the same numbers without scripts.
(function () {
  'use strict';
  var calendar = document.getElementById('calendar');
  var detail = document.getElementById('day-detail');
  if (!calendar || !detail) { return; }
  function show(event) {
    var day = event.target.closest('[data-day]');
    if (!day) { return; }
    var pitches = Number(day.dataset.pitches), ticks = Number(day.dataset.ticks);
    var date = new Date(day.dataset.day + 'T00:00:00');
    var name = date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    detail.textContent = ticks === 0 ? name + ': no climbing logged.'
      : name + ': ' + ticks + (ticks === 1 ? ' tick, ' : ' ticks, ') + pitches + (pitches === 1 ? ' pitch.' : ' pitches.');
    calendar.querySelectorAll('.selected').forEach(function (e) { e.classList.remove('selected'); });
    day.classList.add('selected');
  }
  calendar.addEventListener('click', show);
  calendar.addEventListener('mouseover', show);
})();
