// Copies the front-end packages installed by npm into Django's static files.
// The list below is the whole build: each entry is a package file and where it lands.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "src", "openhandhaving", "static", "vendor");

const files = {
  "@utrecht/component-library-css/dist/index.css": "utrecht/components.css",
  "@utrecht/design-tokens/dist/index.css": "utrecht/tokens.css",
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "leaflet.markercluster/leaflet.markercluster.js",
  "leaflet.markercluster/dist/MarkerCluster.css": "leaflet.markercluster/MarkerCluster.css",
  "leaflet.markercluster/dist/MarkerCluster.Default.css":
    "leaflet.markercluster/MarkerCluster.Default.css",
  "axe-core/axe.min.js": "axe-core/axe.min.js",
};

rmSync(vendor, { recursive: true, force: true });
for (const [source, target] of Object.entries(files)) {
  const to = join(vendor, target);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(join(root, "node_modules", source), to, { recursive: true });
}
console.log(`front-end packages copied to ${vendor}`);
