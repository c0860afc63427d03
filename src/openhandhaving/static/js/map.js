/* Leaflet maps configured by data attributes; outlines and markers show even when tiles fail.
 *
 * <div class="oh-map" data-map
 *      data-tile-url="{{ map_tile_url }}" data-tile-attribution="{{ map_tile_attribution }}"
 *      data-layers='[{"url": "/gebieden/wijken.geojson", "style": {"color": "#01689b"}, "link": true}]'>
 *
 * Each layer is GeoJSON from "url" (fetched) or "data" (inline). Features get their
 * properties.name as tooltip; with "link": true a click opens properties.url. The map fits the
 * bounds of all layers. When everything is drawn the element gets data-state="ready" and
 * data-feature-count; on failure data-state="error" and a message after the map.
 */
(function () {
  "use strict";

  var DEFAULT_STYLE = { color: "#01689b", weight: 2, fillOpacity: 0.08 };
  var NETHERLANDS = [[50.75, 3.36], [53.55, 7.23]];

  function loadLayer(spec) {
    if (spec.data) {
      return Promise.resolve(spec.data);
    }
    return fetch(spec.url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
  }

  function showError(element, text) {
    element.dataset.state = "error";
    var message = document.createElement("p");
    message.className = "utrecht-paragraph oh-map__error";
    message.setAttribute("role", "status");
    message.textContent = text;
    element.insertAdjacentElement("afterend", message);
  }

  function initMap(element) {
    var specs = JSON.parse(element.dataset.layers || "[]");
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({
      zoomInTitle: element.dataset.zoomInLabel || "Inzoomen",
      zoomOutTitle: element.dataset.zoomOutLabel || "Uitzoomen",
    }).addTo(map);
    map.fitBounds(NETHERLANDS);
    if (element.dataset.tileUrl) {
      // A failing tile server leaves the background empty; the vector layers still draw.
      L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.tileAttribution || "",
        maxZoom: 19,
      }).addTo(map);
    }
    Promise.all(specs.map(loadLayer))
      .then(function (collections) {
        var bounds = L.latLngBounds([]);
        var count = 0;
        collections.forEach(function (collection, i) {
          var spec = specs[i];
          var layer = L.geoJSON(collection, {
            style: Object.assign({}, DEFAULT_STYLE, spec.style || {}),
            interactive: Boolean(spec.link || spec.tooltip !== false),
            onEachFeature: function (feature, featureLayer) {
              count += 1;
              var props = feature.properties || {};
              if (props.name && spec.tooltip !== false) {
                featureLayer.bindTooltip(String(props.name), { sticky: true });
              }
              if (spec.link && props.url) {
                featureLayer.on("click", function () {
                  window.location.assign(props.url);
                });
              }
            },
          }).addTo(map);
          if (layer.getLayers().length) {
            bounds.extend(layer.getBounds());
          }
        });
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [8, 8] });
        }
        element.dataset.featureCount = String(count);
        element.dataset.state = "ready";
      })
      .catch(function () {
        showError(element, element.dataset.errorText || "De kaart kon niet worden geladen.");
      });
    return map;
  }

  function initAll() {
    if (typeof L === "undefined") {
      document.querySelectorAll("[data-map]").forEach(function (element) {
        showError(element, element.dataset.errorText || "De kaart kon niet worden geladen.");
      });
      return;
    }
    document.querySelectorAll("[data-map]").forEach(function (element) {
      if (!element.dataset.state) {
        element.dataset.state = "loading";
        initMap(element);
      }
    });
  }

  window.ohMap = { init: initMap };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
