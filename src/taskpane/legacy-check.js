/* Runs before the add-in's bundle, in ES5 so that Internet Explorer (Office 2016/2019 volume editions) can run it:
   where the bundle cannot run, the clerk reads why instead of an empty pane. */
(function () {
  var modern = typeof Promise !== 'undefined' && typeof Symbol !== 'undefined' && typeof Object.entries === 'function' && typeof Object.fromEntries === 'function';
  if (modern) return;
  window.__UNION_FORMS_LEGACY__ = true;
  document.addEventListener('DOMContentLoaded', function () {
    var message = document.getElementById('legacy-message');
    if (message) message.removeAttribute('hidden');
  });
})();
