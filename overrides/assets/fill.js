/* pedoman: a drafting-kit document's blanks filled in on the page (site/templates/_documents.j2).

   Each form (data-pd-fill) has one field per blank of its document, labelled with the blank as the
   document writes it ("nama provinsi" for "[nama provinsi]"). Its button fetches the published file
   from this site (data-pd-src; once a reader opened it, the offline worker answers without a
   connection), unzips it with fflate (fflate.js, beside this script, fetched on the first press of a
   button only: 14 kB gzipped and 60-70 ms of a phone's time that a reader who only reads the
   guideline does not pay; the offline worker keeps it from the first visit), puts each value typed in
   place of its "[blank]" and offers the result under the same file name. Nothing typed is sent
   anywhere: the inputs have no name, and the only request is for the published file.

   Where a blank is replaced:
   - .docx: the text (w:t) of the body, headers, footers, footnotes and endnotes; a run left with no
     blank loses its highlight, the writer's mark for a blank (documents/docx.py);
   - .xlsx: shared and inline strings of every sheet, and the sheets' headers and footers (where "&"
     starts a code, so a typed "&" is written "&&"); a cell's highlight is a conditional format on
     its holding a "[", so it goes by itself (documents/xlsx.py);
   - both: the title and subject of the file's properties.
   A blank written in capitals ("[NAMA PROVINSI]" in a title) gets the value in capitals. A blank is
   matched whatever its case, as the page lists it once (documents.blocks.Document.blanks). A field
   left empty leaves its blank, bracketed and highlighted. The text is changed through the XML parser,
   so whatever is typed (<, &, quotes) is escaped when written back.

   The form is printed hidden and shown here: without JavaScript, or without what this needs, the page
   offers the plain download only. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-pd-fill]");
  var here = document.currentScript && document.currentScript.src;
  if (!forms.length || !here || !window.fetch || !window.DOMParser || !window.XMLSerializer
      || !window.Blob || !window.URL || !URL.createObjectURL || !window.Promise) return;
  var zipping = null;

  // fflate, loaded once, when a form is first sent
  function loadZip() {
    if (window.fflate) return Promise.resolve(window.fflate);
    if (!zipping) {
      zipping = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("fflate.js", here).href;
        script.onload = function () { if (window.fflate) resolve(window.fflate); else reject(new Error("fflate")); };
        script.onerror = function () { zipping = null; reject(new Error("fflate")); };
        document.head.appendChild(script);
      });
    }
    return zipping;
  }

  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var DC = "http://purl.org/dc/elements/1.1/";
  var XML = "http://www.w3.org/XML/1998/namespace";
  var BLANK = /\[([^\[\]]+)\]/g; // as documents/blocks.py reads a blank
  var HEADERS_FOOTERS = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"];
  var WORD_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
  var SHEET_PARTS = /^xl\/(sharedStrings|worksheets\/[^\/]+)\.xml$/;
  var PROPERTIES = "docProps/core.xml";
  var TYPES = {
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  };

  function key(label) { return label.toLowerCase(); }

  function hasBlank(text) { BLANK.lastIndex = 0; return BLANK.test(text); }

  // `text` with each blank that has a value replaced; tally.count grows by the places replaced
  function fillText(text, values, tally, escape) {
    return text.replace(BLANK, function (whole, label) {
      var entry = values[key(label)];
      if (!entry) return whole;
      tally.count += 1;
      var shouted = label !== entry.label && label === label.toUpperCase() && label !== label.toLowerCase();
      var value = shouted ? entry.value.toUpperCase() : entry.value;
      return escape ? escape(value) : value;
    });
  }

  // Replace in each element's text; returns the elements changed.
  function fillElements(elements, values, tally, escape) {
    var changed = [];
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var before = element.textContent;
      if (!hasBlank(before)) continue;
      var after = fillText(before, values, tally, escape);
      if (after === before) continue;
      element.textContent = after;
      // a text (w:t, t) that now begins or ends with a space keeps it
      if (element.localName === "t" && after !== after.trim()) element.setAttributeNS(XML, "xml:space", "preserve");
      changed.push(element);
    }
    return changed;
  }

  function unhighlight(runs) {
    runs.forEach(function (run) {
      var texts = run.getElementsByTagNameNS(W, "t");
      for (var i = 0; i < texts.length; i++) if (hasBlank(texts[i].textContent)) return;
      var marks = run.getElementsByTagNameNS(W, "highlight");
      for (var j = marks.length - 1; j >= 0; j--) {
        if (marks[j].parentNode.localName === "rPr" && marks[j].parentNode.parentNode === run) {
          marks[j].parentNode.removeChild(marks[j]);
        }
      }
    });
  }

  // The part `name` with its blanks filled in, or null if it has none with a value.
  function fillPart(name, xml, values, tally) {
    var declaration = (xml.match(/^<\?xml[^>]*\?>\s*/) || [""])[0];
    var doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error(name + ": not well-formed XML");
    var changed = [];
    if (WORD_PARTS.test(name)) {
      changed = fillElements(doc.getElementsByTagNameNS(W, "t"), values, tally);
      var runs = [];
      changed.forEach(function (t) {
        if (t.parentNode.localName === "r" && runs.indexOf(t.parentNode) < 0) runs.push(t.parentNode);
      });
      unhighlight(runs);
    } else if (SHEET_PARTS.test(name)) {
      changed = fillElements(doc.getElementsByTagNameNS(S, "t"), values, tally);
      HEADERS_FOOTERS.forEach(function (tag) {
        changed = changed.concat(fillElements(doc.getElementsByTagNameNS(S, tag), values, tally,
          function (value) { return value.replace(/&/g, "&&"); }));
      });
    } else if (name === PROPERTIES) {
      var uncounted = { count: 0 }; // a reader sees these only in the file's properties
      changed = fillElements(doc.getElementsByTagNameNS(DC, "title"), values, uncounted)
        .concat(fillElements(doc.getElementsByTagNameNS(DC, "subject"), values, uncounted));
    }
    if (!changed.length) return null;
    // the file's own declaration, whether or not the browser writes one (Chromium does, others not)
    return declaration + new XMLSerializer().serializeToString(doc).replace(/^<\?xml[^>]*\?>\s*/, "");
  }

  // The zipped file `bytes` with the blanks of `values` filled in: {bytes, count of the places filled in}.
  function fillFile(bytes, values) {
    var files = fflate.unzipSync(bytes);
    var tally = { count: 0 };
    Object.keys(files).forEach(function (name) {
      if (!(WORD_PARTS.test(name) || SHEET_PARTS.test(name) || name === PROPERTIES)) return;
      var filled = fillPart(name, fflate.strFromU8(files[name]), values, tally);
      if (filled !== null) files[name] = fflate.strToU8(filled);
    });
    return { bytes: fflate.zipSync(files, { level: 6 }), count: tally.count };
  }

  function offer(bytes, name) {
    var extension = name.split(".").pop().toLowerCase();
    var url = URL.createObjectURL(new Blob([bytes], { type: TYPES[extension] || "application/octet-stream" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function setUp(form) {
    var source = new URL(form.getAttribute("data-pd-src"), document.baseURI);
    if (source.origin !== window.location.origin) return; // only this site's own files
    var name = decodeURIComponent(source.pathname.split("/").pop());
    var button = form.querySelector("button");
    var status = form.querySelector(".pd-fill__status");
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-pd-blank]"));

    function say(which, values) {
      status.textContent = form.getAttribute("data-pd-" + which).replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = {};
      inputs.forEach(function (input) {
        var value = input.value.trim();
        var label = input.getAttribute("data-pd-blank");
        if (value) values[key(label)] = { label: label, value: value };
      });
      button.disabled = true;
      say("busy", {});
      Promise.all([fetch(source.href, { credentials: "same-origin" }), loadZip()]).then(function (got) {
        var response = got[0];
        if (!response.ok) throw new Error(String(response.status));
        return response.arrayBuffer();
      }).then(function (buffer) {
        var filled;
        try {
          filled = fillFile(new Uint8Array(buffer), values);
        } catch (error) {
          say("failed", {});
          return;
        }
        offer(filled.bytes, name);
        say("done", { file: name, count: filled.count });
      }, function () {
        say("offline", {});
      }).then(function () { button.disabled = false; });
    });
    form.hidden = false;
  }

  Array.prototype.forEach.call(forms, setUp);
})();
