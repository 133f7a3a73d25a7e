// Live pages: a head page follows its name's counts, the federation page shows each record
// arriving, through the node's server-sent events (/api/v1/events). Pages work fully without it.
"use strict";
(function () {
  if (!("EventSource" in window)) return;
  var head = document.querySelector("[data-live-name]");
  var federation = document.querySelector("[data-live-federation]");
  if (!head && !federation) return;
  var query = head ? "?name=" + encodeURIComponent(head.getAttribute("data-live-name")) : "";
  var source = new EventSource("/api/v1/events" + query);
  // Marks the page while its stream is open (tests wait for it; styles may use it).
  source.addEventListener("open", function () { document.documentElement.dataset.live = "open"; });
  source.addEventListener("error", function () { document.documentElement.dataset.live = "closed"; });

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) element.textContent = String(value);
  }

  source.addEventListener("counts", function (event) {
    var counts = JSON.parse(event.data);
    text("total-count", counts.totalCount);
    text("local-count", counts.localCount);
    var body = document.getElementById("per-node");
    if (!body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    counts.perNode.forEach(function (entry) {
      var row = document.createElement("tr");
      if (entry.local) row.className = "local";
      var label = document.createElement("td");
      label.title = entry.nodeId;
      label.textContent = entry.name;
      if (entry.local) {
        // The mark is markup the node adds, not text of the name: no neighbour can forge it.
        var mark = document.createElement("strong");
        mark.className = "this-node";
        mark.textContent = "this node";
        label.appendChild(document.createTextNode(" "));
        label.appendChild(mark);
      }
      var count = document.createElement("td");
      count.textContent = String(entry.count);
      row.appendChild(label);
      row.appendChild(count);
      body.appendChild(row);
    });
    var status = document.getElementById("live-status");
    if (status) status.textContent = "Updated live: " + counts.totalCount + " lookups on the federation.";
  });

  source.addEventListener("record", function (event) {
    var record = JSON.parse(event.data);
    if (record.own) return;
    // The edge of the neighbour the record came through: the origin itself, or the neighbour
    // it is drawn behind.
    var edges = document.querySelectorAll("[data-origins~='" + CSS.escape(record.origin) + "']");
    edges.forEach(function (edge) {
      edge.classList.remove("arriving");
      void edge.getBoundingClientRect();
      edge.classList.add("arriving");
    });
    var log = document.getElementById("live-arrivals");
    if (log) {
      var item = document.createElement("li");
      item.textContent = record.kind + " " + record.name;
      log.insertBefore(item, log.firstChild);
      while (log.children.length > 10) log.removeChild(log.lastChild);
    }
  });
})();
