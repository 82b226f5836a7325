// A same-origin page that plays the Teams host for the tab in an iframe, speaking enough of the teams-js 2.x
// postMessage protocol: initialize, getContext, registerHandler, notifySuccess, theme changes, suspension and
// resume (how Teams re-opens an already-open tab for a deep link), and context changes.
// Requests from the app: { id, uuidAsString, func, args }. Answers: { id, uuidAsString, args }. Host events: { func, args }.
(function fakeTeamsHost() {
  const config = JSON.parse(document.getElementById('fake-teams-config').textContent);
  const frame = document.getElementById('tab');
  const runtime = {
    apiVersion: 4,
    supports: { app: { lifecycle: { caching: {} } }, pages: { appButton: {}, tabs: {}, config: {}, backStack: {} }, teamsCore: {} },
  };
  const log = [];
  const handlers = new Set();
  let context = { ...config.context };
  let unloadDone = null;

  const target = () => frame.contentWindow;
  const reply = (msg, args) => target().postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args }, location.origin);
  const send = (func, args) => target().postMessage({ func, args }, location.origin);

  window.addEventListener('message', (event) => {
    if (event.source !== target() || event.origin !== location.origin) return;
    const msg = event.data;
    if (!msg || typeof msg.func !== 'string') return;
    log.push({ func: msg.func, args: msg.args, at: performance.now() });
    if (config.silent) return; // A page that frames the tab but is not Teams.
    switch (msg.func) {
      case 'initialize':
        reply(msg, ['content', 'web', JSON.stringify(runtime), '2.58.0']);
        break;
      case 'getContext':
        reply(msg, [context]);
        break;
      case 'registerHandler':
        handlers.add(msg.args[0]);
        break;
      case 'readyToUnload':
        if (unloadDone) unloadDone();
        break;
      default:
        // notifySuccess and other one-way messages need no answer.
        break;
    }
  });

  window.fakeTeams = {
    log,
    funcs: () => log.map((m) => m.func),
    handlers: () => [...handlers],
    context: () => ({ ...context }),
    setTheme(theme) {
      context = { ...context, theme };
      send('themeChange', [theme]);
    },
    /** Follows a deep link to this tab: resume a suspended tab when it asked for that, else reload it with the new context. */
    async followDeepLink(subEntityId) {
      context = { ...context, subEntityId };
      if (handlers.has('load')) {
        if (handlers.has('beforeUnload')) {
          await new Promise((resolve) => {
            unloadDone = resolve;
            send('beforeUnload', []);
            setTimeout(resolve, 2000);
          });
          unloadDone = null;
        }
        send('load', [{ entityId: context.entityId, contentUrl: config.tabUrl }]);
        return 'resumed';
      }
      frame.src = config.tabUrl;
      return 'reloaded';
    },
    /** The newer host event for a changed page context. */
    changeContext(subEntityId) {
      context = { ...context, subEntityId };
      send('contextChange', [{ page: { id: context.entityId, subPageId: subEntityId }, app: { theme: context.theme, locale: context.locale } }]);
    },
  };
  frame.src = config.tabUrl;
})();
