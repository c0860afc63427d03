/* The resident's report form: "use my location" (GPS), questions that only apply after a
 * certain earlier answer, and the list of all subjects only when "another subject" is chosen.
 * Without JavaScript every field is simply shown and the server decides.
 */
(function () {
  "use strict";

  function initGps() {
    var button = document.querySelector("[data-gps]");
    if (!button || !navigator.geolocation) {
      return;
    }
    var wrap = document.querySelector("[data-gps-wrap]");
    var lat = document.getElementById("id_lat");
    var lon = document.getElementById("id_lon");
    var addressId = document.getElementById("id_address_id");
    var chosen = document.getElementById("gekozen-plek");
    var map = document.querySelector("[data-report-map]");
    wrap.hidden = false;
    button.addEventListener("click", function () {
      chosen.textContent = button.dataset.busyText;
      navigator.geolocation.getCurrentPosition(function (position) {
        var la = position.coords.latitude.toFixed(6);
        var lo = position.coords.longitude.toFixed(6);
        lat.value = la;
        lon.value = lo;
        addressId.value = "";
        chosen.textContent = chosen.dataset.pickedText + " " + la + ", " + lo;
        if (map) {
          map.dispatchEvent(new CustomEvent("oh:location", { detail: { lat: la, lon: lo } }));
        }
      }, function () {
        chosen.textContent = button.dataset.failedText;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  function initConditions() {
    var form = document.querySelector("[data-questions-form]");
    if (!form) {
      return;
    }
    var dependent = form.querySelectorAll("[data-show-if-key]");
    function answersOf(name) {
      var inputs = form.querySelectorAll("[name='" + name + "']");
      var values = [];
      inputs.forEach(function (input) {
        if ((input.type === "radio" || input.type === "checkbox") ? input.checked : input.value) {
          values.push(input.value);
        }
      });
      return values;
    }
    function update() {
      dependent.forEach(function (block) {
        var wanted = block.dataset.showIfValues.split("|");
        var given = answersOf(block.dataset.showIfKey);
        block.hidden = !given.some(function (value) { return wanted.indexOf(value) !== -1; });
        var hint = block.querySelector("[data-condition-hint]");
        if (hint) {
          hint.hidden = true;  // shown or hidden by the answer above, so the hint is not needed
        }
      });
    }
    form.addEventListener("change", update);
    update();
  }

  function initCategory() {
    var form = document.querySelector("[data-category-form]");
    if (!form) {
      return;
    }
    var other = form.querySelector("[data-other]");
    var select = other.querySelector("select");
    function update() {
      var checked = form.querySelector("input[name='choice']:checked");
      var wanted = checked && checked.value === "other";
      if (!wanted && checked) {
        select.value = "";
      }
      other.hidden = !wanted && !select.value;
    }
    form.addEventListener("change", update);
    update();
  }

  function init() {
    initGps();
    initConditions();
    initCategory();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
