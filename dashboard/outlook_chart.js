// The summit page's outlook chart (dashboard/outlook_chart.py): one Plotly graph that stays in
// the page across reruns and is redrawn in place with Plotly.react. st.plotly_chart mounts a new
// element, and opens new WebGL contexts, for every new figure: at 10,000 statements that was more
// than half of a slider move in the browser.

// Each mounted chart's state, by the element Streamlit mounts it in (which outlives reruns).
const graphs = new WeakMap();
// plotly.js, loaded once per page from the installed plotly package (see outlook_chart.py).
let plotly = null;

// st.plotly_chart's own fullscreen button, whose icon this copies (Font Awesome's "expand").
const FULLSCREEN_ICON = {
  width: 600,
  height: 470,
  path:
    "M32 32C14.3 32 0 46.3 0 64v96c0 17.7 14.3 32 32 32s32-14.3 32-32V96h64c17.7 0 32-14.3 " +
    "32-32s-14.3-32-32-32H32zM64 352c0-17.7-14.3-32-32-32s-32 14.3-32 32v96c0 17.7 14.3 32 32 " +
    "32h96c17.7 0 32-14.3 32-32s-14.3-32-32-32H64V352zM320 32c-17.7 0-32 14.3-32 32s14.3 32 32 " +
    "32h64v64c0 17.7 14.3 32 32 32s32-14.3 32-32V64c0-17.7-14.3-32-32-32H320zM448 352c0-17.7-" +
    "14.3-32-32-32s-32 14.3-32 32v64H320c-17.7 0-32 14.3-32 32s14.3 32 32 32h96c17.7 0 32-14.3 " +
    "32-32V352z",
};

function loadPlotly(url) {
  if (plotly === null) {
    plotly = new Promise((resolve, reject) => {
      // Streamlit's own plotly.js (another version, for its other charts) also sets window.Plotly:
      // this chart keeps its own copy and gives the global back.
      const previous = window.Plotly;
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => {
        const ours = window.Plotly;
        if (previous === undefined) delete window.Plotly;
        else window.Plotly = previous;
        resolve(ours);
      };
      script.onerror = () => {
        plotly = null; // the next rerun tries again
        script.remove();
        reject(new Error(`plotly.js did not load from ${url}`));
      };
      document.head.appendChild(script);
    });
  }
  return plotly;
}

// The payload is UTF-8 JSON bytes (outlook_chart.py says why not a dict).
function decoded(data) {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return JSON.parse(new TextDecoder().decode(bytes));
}

function plain(value) {
  return ArrayBuffer.isView(value) ? Array.from(value) : value;
}

// What st.plotly_chart reports of each selected point (its keys in snake case).
function selectedPoints(event) {
  return (event.points || []).map((point) => ({
    curve_number: point.curveNumber,
    point_number: point.pointNumber,
    point_index: point.pointIndex,
    x: point.x,
    y: point.y,
    customdata: plain(point.customdata),
  }));
}

function report(graph, points) {
  // The selection names the figure it was made on: a selection on an earlier figure is void.
  const value = points === null ? null : { generation: graph.generation, points };
  const sent = JSON.stringify(value);
  if (sent === graph.sent) return;
  graph.sent = sent;
  graph.setStateValue("selection", value);
}

function clearShownSelection(Plotly, graph) {
  const traces = graph.div.data.map((_, index) => index);
  Plotly.update(graph.div, { selectedpoints: [null] }, { selections: [] }, traces);
}

// As st.plotly_chart with on_select: a click selects its point, the toolbar's box selects
// several, a double-click clears.
function listen(Plotly, graph) {
  graph.div.on("plotly_selected", (event) => {
    if (event) report(graph, selectedPoints(event));
  });
  graph.div.on("plotly_deselect", () => report(graph, null));
  graph.div.on("plotly_doubleclick", () => {
    report(graph, null);
    clearShownSelection(Plotly, graph);
  });
  // Fullscreen is as tall as the screen; leaving it gives the chart its own height back.
  graph.onFullscreen = () => {
    if (document.fullscreenElement === graph.div) {
      Plotly.relayout(graph.div, { height: window.innerHeight });
    } else if (graph.fullscreen) {
      Plotly.relayout(graph.div, { height: graph.height });
    }
    graph.fullscreen = document.fullscreenElement === graph.div;
  };
  document.addEventListener("fullscreenchange", graph.onFullscreen);
  // The graph follows its column's width, as st.plotly_chart's did: the column narrows when the
  // sidebar opens or arrives (it is drawn after the page), with no window resize for plotly.js's
  // own `responsive` to see.
  graph.width = graph.div.clientWidth;
  graph.resizing = new ResizeObserver(() => {
    const width = graph.div.clientWidth;
    if (width === graph.width || width === 0) return;
    graph.width = width;
    Plotly.Plots.resize(graph.div);
  });
  graph.resizing.observe(graph.div);
}

// The toolbar's settings, the same object from one draw to the next: Plotly.react draws a graph
// whose config changed anew from nothing (at 10,000 statements that tripled a slider move).
// So the PNG button is this chart's own, reading the file name and size of the latest figure
// (they change with the weights), and the fullscreen button is made once.
function chartConfig(Plotly, graph, sent) {
  const { toImageButtonOptions, ...settings } = sent;
  graph.imageOptions = { format: "png", ...toImageButtonOptions };
  const unchanged = JSON.stringify(settings);
  if (graph.config === undefined || graph.configSent !== unchanged) {
    graph.configSent = unchanged;
    // The buttons st.plotly_chart showed, in its order, and no others: plotly.js 4 adds one that
    // uploads the chart to Plotly's cloud.
    graph.config = {
      ...settings,
      showSendToCloud: false,
      modeBarButtons: [
        [
          {
            name: "toImage",
            title: "Download plot as a PNG",
            icon: Plotly.Icons.camera,
            click: (div) => Plotly.downloadImage(div, graph.imageOptions),
          },
          "select2d",
          {
            name: "Fullscreen",
            title: "Fullscreen",
            icon: FULLSCREEN_ICON,
            click: () => {
              if (document.fullscreenElement === graph.div) document.exitFullscreen();
              else graph.div.requestFullscreen();
            },
          },
        ],
      ],
    };
  }
  return graph.config;
}

async function draw(graph, payload) {
  const Plotly = await loadPlotly(payload.plotly);
  // A newer payload came while plotly.js loaded or the last one was drawn: it is drawn instead.
  // The same figure again (a rerun for a selection): nothing to redraw, and the selection stays shown.
  if (graph.latest !== payload || graph.revision === payload.revision) return;
  const first = graph.revision === null;
  graph.revision = payload.revision;
  graph.generation = payload.generation;
  graph.sent = undefined;
  graph.height = payload.figure.layout.height;
  const { data, layout } = payload.figure;
  // The tool the user picked on the toolbar (box select) stays picked.
  if (!first && graph.div.layout && graph.div.layout.dragmode) layout.dragmode = graph.div.layout.dragmode;
  if (graph.fullscreen) layout.height = window.innerHeight;
  await Plotly.react(graph.div, data, layout, chartConfig(Plotly, graph, payload.config));
  graph.problem.textContent = "";
  if (first) listen(Plotly, graph);
}

export default function outlookChart({ data, parentElement, setStateValue }) {
  let graph = graphs.get(parentElement);
  if (graph === undefined) {
    const div = document.createElement("div");
    div.className = "summit-outlook-chart";
    div.style.background = "white"; // in fullscreen too
    const problem = document.createElement("div");
    problem.setAttribute("role", "alert");
    parentElement.append(div, problem);
    graph = { div, problem, revision: null, generation: null, sent: undefined, drawn: Promise.resolve() };
    graphs.set(parentElement, graph);
  }
  const payload = decoded(data);
  graph.latest = payload;
  // Set while a figure is on its way to the graph, for tests and probes to wait on.
  graph.div.dataset.drawing = "true";
  graph.setStateValue = setStateValue;
  // The chart's own height before plotly.js has drawn it, so the page below does not jump.
  graph.div.style.minHeight = `${payload.figure.layout.height}px`;
  // One draw at a time: Plotly.react on a graph still being drawn is not safe.
  graph.drawn = graph.drawn
    .then(() => draw(graph, payload))
    .catch((error) => {
      graph.problem.textContent = `The chart could not be drawn: ${error.message}`;
    })
    .finally(() => {
      if (graph.latest === payload) delete graph.div.dataset.drawing;
    });
  // Streamlit calls this when the element is gone, and also when a rerun's payload replaced this
  // one before it was taken up: only a graph no longer in the page is released.
  return () => {
    setTimeout(() => {
      if (graph.div.isConnected || graphs.get(parentElement) !== graph) return;
      graphs.delete(parentElement);
      if (graph.onFullscreen) document.removeEventListener("fullscreenchange", graph.onFullscreen);
      if (graph.resizing) graph.resizing.disconnect();
      if (plotly !== null) plotly.then((Plotly) => Plotly.purge(graph.div)).catch(() => {});
    }, 0);
  };
}
