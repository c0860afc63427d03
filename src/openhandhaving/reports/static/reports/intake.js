/* Intake form: choose an address from the suggestions (htmx fills them in) or click the map.
 * Either way the hidden address_id / lat / lon fields are set and the chosen place is announced.
 */
(function () {
  "use strict";

  function byId(id) {
    return document.getElementById(id);
  }

  function init() {
    var form = document.querySelector("[data-intake-form]");
    if (!form) {
      return;
    }
    var address = byId("id_address");
    var addressId = byId("id_address_id");
    var lat = byId("id_lat");
    var lon = byId("id_lon");
    var suggestions = byId("adres-suggesties");
    var chosen = byId("gekozen-plek");
    var map = form.querySelector("[data-report-map]");

    function announce(text) {
      if (chosen) {
        chosen.textContent = text;
      }
    }

    // Typing a new address forgets the place chosen before.
    address.addEventListener("input", function () {
      addressId.value = "";
      lat.value = "";
      lon.value = "";
      announce("");
    });

    suggestions.addEventListener("click", function (event) {
      var button = event.target.closest("[data-address-id]");
      if (!button) {
        return;
      }
      event.preventDefault();
      address.value = button.dataset.label;
      addressId.value = button.dataset.addressId;
      lat.value = button.dataset.lat;
      lon.value = button.dataset.lon;
      suggestions.innerHTML = "";
      announce(chosen.dataset.chosenText + " " + button.dataset.label);
      if (map) {
        map.dispatchEvent(new CustomEvent("oh:location", {
          detail: { lat: parseFloat(button.dataset.lat), lon: parseFloat(button.dataset.lon) },
        }));
      }
      address.focus();
    });

    if (map) {
      map.addEventListener("oh:picked", function (event) {
        addressId.value = "";
        lat.value = event.detail.lat;
        lon.value = event.detail.lon;
        announce(chosen.dataset.pickedText + " " + event.detail.lat + ", " + event.detail.lon);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
