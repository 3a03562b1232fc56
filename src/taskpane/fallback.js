/*
 * SKM Rekap: the message shown when the task pane cannot start. Plain ES5 on
 * purpose, with nothing to import: it must run where the main bundles cannot
 * (Internet Explorer 11 and old webviews that some Excel builds still use for
 * add-ins), and when Office.js cannot load at all (a proxy or firewall that
 * blocks appsforoffice.microsoft.com). A separate file rather than an inline
 * script: the page's Content-Security-Policy allows scripts from its own
 * origin only. index.tsx sets window.skmRekapStarted once the pane renders.
 */
(function () {
  var WAIT_MS = 6000;
  var shown = false;

  var TEXT = {
    office: {
      id: 'SKM Rekap tidak dapat dimulai: Office.js, pustaka Microsoft Office untuk add-in, tidak dapat dimuat dari appsforoffice.microsoft.com. Jaringan atau proxy kantor mungkin memblokirnya. Minta bagian TI membuka alamat itu, atau gunakan Excel di web (office.com) dari jaringan lain.',
      en: 'SKM Rekap cannot start: Office.js, the Microsoft Office library for add-ins, could not be loaded from appsforoffice.microsoft.com. The network or an office proxy may be blocking it. Ask IT to allow that address, or use Excel on the web (office.com) from another network.',
    },
    old: {
      id: 'SKM Rekap tidak dapat dimulai di Excel ini: versi Office atau komponen browsernya terlalu lama untuk add-in ini. Gunakan Excel di web (office.com), Excel untuk Microsoft 365 di Windows (versi 2102 atau lebih baru, dengan Microsoft Edge WebView2) atau di Mac (16.50 atau lebih baru), atau Excel 2021/2024.',
      en: 'SKM Rekap cannot start in this Excel: this version of Office or its browser component is too old for the add-in. Use Excel on the web (office.com), Excel for Microsoft 365 on Windows (Version 2102 or later, with Microsoft Edge WebView2) or on Mac (16.50 or later), or Excel 2021/2024.',
    },
  };

  function paragraph(text, lang) {
    var p = document.createElement('p');
    p.setAttribute('lang', lang);
    p.style.margin = '0 0 12px 0';
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function show(reason) {
    if (shown || window.skmRekapStarted) return;
    var box = document.getElementById('skm-fallback');
    if (!box) return;
    shown = true;
    var text = TEXT[reason] || TEXT.old;
    var title = document.createElement('h1');
    title.style.fontSize = '16px';
    title.appendChild(document.createTextNode('SKM Rekap'));
    box.appendChild(title);
    box.appendChild(paragraph(text.id, 'id'));
    box.appendChild(paragraph(text.en, 'en'));
    box.setAttribute('role', 'alert');
    box.style.display = 'block';
  }

  window.skmRekapFallback = show;

  function check() {
    if (typeof window.Office === 'undefined') show('office');
    else
      window.setTimeout(function () {
        show('old');
      }, WAIT_MS);
  }

  // Also without the load event, which a request hanging on a proxy can hold back.
  window.setTimeout(function () {
    show(typeof window.Office === 'undefined' ? 'office' : 'old');
  }, 2 * WAIT_MS);

  if (window.addEventListener) window.addEventListener('load', check, false);
  else if (window.attachEvent) window.attachEvent('onload', check);
})();
