// Interactive view: redraws each chart from its embedded Vega-Lite spec with vega (tooltips on
// hover). The static SVG stays until the live one has drawn, and stays for good if it cannot,
// so the report reads the same without this script.
(function () {
  "use strict";
  if (typeof vega === "undefined" || typeof vegaLite === "undefined") return;
  var figures = document.querySelectorAll("figure.chart[data-spec]");
  Array.prototype.forEach.call(figures, function (figure) {
    var source = document.getElementById(figure.getAttribute("data-spec"));
    var holder = figure.querySelector(".chart-view");
    if (!source || !holder) return;
    try {
      var spec = vegaLite.compile(JSON.parse(source.textContent)).spec;
      var live = document.createElement("div");
      live.className = "chart-live";
      var view = new vega.View(vega.parse(spec), { renderer: "svg", hover: true, logLevel: vega.Error });
      view.initialize(live).runAsync().then(
        function () {
          holder.replaceChildren(live);
          figure.setAttribute("data-interactive", "ready");
        },
        function () {
          figure.setAttribute("data-interactive", "failed");
        }
      );
    } catch (error) {
      figure.setAttribute("data-interactive", "failed");
    }
  });
})();
