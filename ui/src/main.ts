import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { AppState } from "./lib/state/app.svelte";

async function start() {
  const app = new AppState();
  // Outside the Tauri window (a plain browser during development) there is no back end:
  // install an in-memory stand-in so the screens can be looked at. The DEV guard removes this
  // branch, and the module it imports, from production builds.
  if (import.meta.env.DEV && !("__TAURI_INTERNALS__" in window)) {
    const { installDevPreview, driveDevPreview } = await import("./lib/backend/devPreview");
    const params = new URLSearchParams(location.search);
    installDevPreview(params);
    driveDevPreview(app, params);
  }
  const target = document.getElementById("app");
  if (target) mount(App, { target, props: { app } });
}

void start();
