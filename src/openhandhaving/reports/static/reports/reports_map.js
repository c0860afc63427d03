/* Report maps: the queue map (clustered points from a GeoJSON URL), the small map on a report's
 * page (inline layers) and the intake map where a click chooses the place.
 *
 * <div data-report-map
 *      data-points-url="/meldingen/kaart.geojson?..."   clustered report points (properties.url)
 *      data-outlines-url="/gebieden/wijken.geojson"      wijk outlines, drawn under the points
 *      data-layers='[{"data": {...}, "kind": "main"|"nearby"|"outline", "link": true}]'
 *      data-pick data-lat-input="id_lat" data-lon-input="id_lon">   a click sets these inputs
 *
 * Points are drawn as circles, so nothing depends on marker images or on tiles (no internet is
 * fine). When drawn the element gets data-state="ready" and data-marker-count.
 */
(function () {
  "use strict";

  var NETHERLANDS = [[50.75, 3.36], [53.55, 7.23]];
  var LATE_COLOURS = { 0: "#01689b", 1: "#8a5a00", 3: "#a3231a" };
  var OUTLINE = { color: "#154273", weight: 1.5, fillOpacity: 0.04, interactive: false };

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
  }

  function say(element, text, isError) {
    if (!text) {
      return;
    }
    var message = document.createElement("p");
    message.className = "utrecht-paragraph oh-map__message";
    message.setAttribute("role", "status");
    message.textContent = text;
    element.insertAdjacentElement("afterend", message);
    if (isError) {
      element.dataset.state = "error";
    }
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function circle(latlng, props, main) {
    var colour = LATE_COLOURS[props.late || 0] || LATE_COLOURS[0];
    var marker = L.circleMarker(latlng, {
      radius: main ? 10 : 7,
      color: "#fff",
      weight: 2,
      fillColor: main ? "#154273" : colour,
      fillOpacity: main ? 1 : 0.9,
    });
    if (props.url) {
      var label = "<a href=\"" + escapeHtml(props.url) + "\">" + escapeHtml(props.number || props.name) + "</a>";
      if (props.category) {
        label += "<br>" + escapeHtml(props.category);
      }
      if (props.status) {
        label += "<br>" + escapeHtml(props.status);
      }
      marker.bindPopup(label);
    } else if (props.name) {
      marker.bindTooltip(escapeHtml(props.name));
    }
    return marker;
  }

  function pointsLayer(collection, clustered, main) {
    var group = clustered && L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 })
      : L.featureGroup();
    (collection.features || []).forEach(function (feature) {
      if (!feature.geometry || feature.geometry.type !== "Point") {
        return;
      }
      var c = feature.geometry.coordinates;
      group.addLayer(circle([c[1], c[0]], feature.properties || {}, main));
    });
    return group;
  }

  function initPick(element, map) {
    var latInput = document.getElementById(element.dataset.latInput);
    var lonInput = document.getElementById(element.dataset.lonInput);
    var marker = null;

    function place(lat, lon, pan) {
      if (marker) {
        marker.setLatLng([lat, lon]);
      } else {
        marker = circle([lat, lon], {}, true).addTo(map);
      }
      if (pan) {
        map.setView([lat, lon], Math.max(map.getZoom(), 17));
      }
    }

    if (latInput && lonInput && latInput.value && lonInput.value) {
      place(parseFloat(latInput.value), parseFloat(lonInput.value), true);
    }
    map.on("click", function (event) {
      var lat = event.latlng.lat.toFixed(6);
      var lon = event.latlng.lng.toFixed(6);
      place(lat, lon, false);
      element.dispatchEvent(new CustomEvent("oh:picked", { bubbles: true, detail: { lat: lat, lon: lon } }));
    });
    element.addEventListener("oh:location", function (event) {
      place(event.detail.lat, event.detail.lon, true);
    });
  }

  function initMap(element) {
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({
      zoomInTitle: element.dataset.zoomInLabel || "Inzoomen",
      zoomOutTitle: element.dataset.zoomOutLabel || "Uitzoomen",
    }).addTo(map);
    map.fitBounds(NETHERLANDS);
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        attribution: element.dataset.tileAttribution || "",
        maxZoom: 19,
      }).addTo(map);
    }
    var specs = JSON.parse(element.dataset.layers || "[]");
    if (element.dataset.outlinesUrl) {
      specs.unshift({ url: element.dataset.outlinesUrl, kind: "outline" });
    }
    if (element.dataset.pointsUrl) {
      specs.push({ url: element.dataset.pointsUrl, kind: "points" });
    }
    var loads = specs.map(function (spec) {
      return spec.data ? Promise.resolve(spec.data) : getJSON(spec.url);
    });
    Promise.all(loads)
      .then(function (collections) {
        var outlineBounds = L.latLngBounds([]);
        var pointBounds = L.latLngBounds([]);
        var count = 0;
        var truncated = false;
        collections.forEach(function (collection, i) {
          var spec = specs[i];
          if (spec.kind === "outline") {
            var outline = L.geoJSON(collection, { style: OUTLINE }).addTo(map);
            if (outline.getLayers().length) {
              outlineBounds.extend(outline.getBounds());
            }
            return;
          }
          var layer = pointsLayer(collection, spec.kind === "points", spec.kind === "main").addTo(map);
          count += layer.getLayers().length;
          truncated = truncated || Boolean(collection.truncated);
          if (layer.getLayers().length) {
            pointBounds.extend(layer.getBounds());
          }
        });
        if (pointBounds.isValid()) {
          map.fitBounds(pointBounds, { padding: [16, 16], maxZoom: 18 });
        } else if (outlineBounds.isValid()) {
          map.fitBounds(outlineBounds, { padding: [8, 8] });
        }
        if (element.dataset.pick !== undefined) {
          initPick(element, map);
        }
        element.dataset.markerCount = String(count);
        element.dataset.state = "ready";
        if (truncated) {
          say(element, element.dataset.truncatedText);
        } else if (element.dataset.pointsUrl && count === 0) {
          say(element, element.dataset.emptyText);
        }
      })
      .catch(function () {
        say(element, element.dataset.errorText || "De kaart kon niet worden geladen.", true);
      });
    return map;
  }

  function initAll() {
    document.querySelectorAll("[data-report-map]").forEach(function (element) {
      if (element.dataset.state) {
        return;
      }
      if (typeof L === "undefined") {
        say(element, element.dataset.errorText || "De kaart kon niet worden geladen.", true);
        return;
      }
      element.dataset.state = "loading";
      initMap(element);
    });
  }

  window.ohReportMap = { init: initMap };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
