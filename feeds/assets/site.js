'use strict';
(function () {
  // Case and accents do not matter: "economie" finds "Économie".
  function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim(); }

  var input = document.getElementById('topic-filter');
  var list = document.getElementById('topic-list');
  if (input && list) {
    var status = document.getElementById('topic-status');
    var items = Array.prototype.slice.call(list.children).map(function (li) {
      var name = li.querySelector('.topic-name');
      return { li: li, key: fold(name ? name.textContent : li.textContent) };
    });
    var update = function () {
      var q = fold(input.value);
      var shown = 0;
      items.forEach(function (it) {
        var hit = q === '' || it.key.indexOf(q) >= 0;
        it.li.hidden = !hit;
        if (hit) shown++;
      });
      status.textContent = q === '' ? '' : shown === 0 ? 'No topic matches.' : shown + ' of ' + items.length + ' topics';
    };
    input.closest('.filter').hidden = false;
    input.addEventListener('input', update);
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    var said = button.closest('.subscribe').querySelector('.copied');
    button.hidden = false;
    button.addEventListener('click', function () {
      var url = button.getAttribute('data-copy');
      var done = function () { button.textContent = 'Copied'; said.textContent = 'Copied ' + url; };
      var fallback = function () {
        // No clipboard access: select the address so that Ctrl+C (or ⌘C) copies it.
        var code = button.parentNode.querySelector('code');
        var range = document.createRange();
        range.selectNodeContents(code);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        said.textContent = 'Address selected: press Ctrl+C to copy it.';
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, fallback);
      else fallback();
    });
  });
})();
