// ReleaseWatch dashboard: draws the server-provided series with uPlot and keeps the watches list live.
// Every chart also has a text summary and a data table in the page, so nothing here is needed to read it.
(function () {
  "use strict";
  var colors = { observed: "#0b57d0", baseline: "#5f6368", threshold: "#b3261e", band: "rgba(30,142,62,0.15)", breach: "rgba(179,38,30,0.12)" };
  var verdictColor = { Passed: "#1e8e3e", Failed: "#b3261e", Inconclusive: "#8a6d00", Error: "#6a1b9a" };

  function width(el) { return Math.max(280, Math.min(el.clientWidth || 640, 960)); }

  function drawChart(el) {
    var d = JSON.parse(document.getElementById(el.dataset.chart).textContent);
    if (!d.x.length || typeof uPlot === "undefined") { return; }
    var constant = function (v) { return d.x.map(function () { return v; }); };
    // A rule with only an upper (or lower) relative bound allows everything from 0 up to it (or from it up).
    var hasHigh = d.high.some(function (v) { return v !== null; }), hasLow = d.low.some(function (v) { return v !== null; });
    var peak = Math.max.apply(null, d.observed.concat(d.high).filter(function (v) { return v !== null; }).concat([1]));
    var low = hasLow ? d.low : d.high.map(function (v) { return v === null ? null : 0; });
    var high = hasHigh ? d.high : d.low.map(function (v) { return v === null ? null : peak * 1.1; });
    var data = [d.x, d.observed, d.baseline, low, high];
    var series = [{},
      { label: "observed", stroke: colors.observed, width: 2, points: { show: true, size: 7, fill: function (u, si) { return colors.observed; } } },
      { label: "baseline", stroke: colors.baseline, dash: [6, 4] },
      { label: "band low", stroke: "rgba(30,142,62,0.5)", width: 1 },
      { label: "band high", stroke: "rgba(30,142,62,0.5)", width: 1 }];
    if (d.above !== null) { data.push(constant(d.above)); series.push({ label: "above", stroke: colors.threshold, dash: [2, 3], width: 2 }); }
    if (d.below !== null) { data.push(constant(d.below)); series.push({ label: "below", stroke: colors.threshold, dash: [2, 3], width: 2 }); }
    var opts = {
      width: width(el), height: 220, series: series,
      bands: hasLow || hasHigh ? [{ series: [4, 3], fill: colors.band }] : [],
      axes: [{}, { label: "value" }],
      hooks: {
        drawClear: [function (u) {
          if (!d.breach) { return; }
          var x0 = u.valToPos(d.breach[0], "x", true), x1 = u.valToPos(d.breach[1], "x", true);
          u.ctx.save(); u.ctx.fillStyle = colors.breach;
          u.ctx.fillRect(x0, u.bbox.top, Math.max(4, x1 - x0), u.bbox.height); u.ctx.restore();
        }],
        draw: [function (u) {
          // Verdict markers: a coloured square under each check (the table says the same in words).
          u.ctx.save();
          d.verdicts.forEach(function (v, i) {
            u.ctx.fillStyle = verdictColor[v] || "#000";
            u.ctx.fillRect(u.valToPos(d.x[i], "x", true) - 4, u.bbox.top + u.bbox.height - 9, 8, 8);
          });
          u.ctx.restore();
        }]
      }
    };
    el.textContent = "";
    new uPlot(opts, data, el);
    el.dataset.drawn = "true";
  }

  function drawSpark(el) {
    var d = JSON.parse(document.getElementById(el.dataset.spark).textContent);
    if (typeof uPlot === "undefined") { return; }
    new uPlot({ width: 180, height: 36, cursor: { show: false }, legend: { show: false }, axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: colors.observed, fill: "rgba(11,87,208,0.15)" }] }, [d.x, d.y], el);
    el.dataset.drawn = "true";
  }

  function live(tbody) {
    var status = document.querySelector("[data-live-status]");
    setInterval(function () {
      fetch(tbody.dataset.live, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.text();
      }).then(function (html) {
        if (tbody.innerHTML !== html) { tbody.innerHTML = html; }
        if (status) { status.textContent = "Updated " + new Date().toISOString().substring(11, 19) + " UTC."; }
      }).catch(function (e) { if (status) { status.textContent = "Live update failed (" + e.message + "); retrying."; } });
    }, 5000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart]").forEach(drawChart);
    document.querySelectorAll("[data-spark]").forEach(drawSpark);
    document.querySelectorAll("tbody[data-live]").forEach(live);
  });
})();
