/*
 * 工会表格助手 in WPS 表格: the callbacks ribbon.xml names (ribbon.OnAddinLoad, ribbon.OnAction, ribbon.GetImage).
 * WPS loads index.html, which loads this file, then reads ribbon.xml. Plain ES5 with no other file: the page runs in
 * WPS's embedded Chromium of any age, and a failing callback must not break the ribbon (callbacks return at once and
 * are not async: async ribbon callbacks broke the ribbon in WPS 12.1.0.23542, as pi-for-excel's notes cite).
 *
 * The pane is opened with Application.CreateTaskPane(url) and its ID kept in PluginStorage, as the wpsjs ET template
 * does; GetTaskPane(id) may return null or throw after WPS restarts (opencode-wps docs/WPSJS_DEVELOPMENT.md), and
 * the ID is then forgotten and a new pane made. src/taskpane/wps-pane-host.ts reads the same key to hide the pane.
 */
var ribbon = (function () {
  'use strict';

  /** PluginStorage is shared by WPS 文字/表格/演示 and pane IDs count from 1 in each: the key names the host. */
  var PANE_KEY = 'UnionForms.taskPaneId.et';
  /** The pane's page, next to this file (the address WPS loaded the add-in from). */
  var PANE_FILE = 'taskpane.html';
  /** Office's msoCTPDockPositionRight (lib.kso.d.ts), as a number: WPS's Enum is not relied on. */
  var DOCK_RIGHT = 2;

  function app() {
    if (typeof window.Application !== 'undefined' && window.Application) return window.Application;
    return null;
  }

  function paneUrl() {
    var here = String(document.location.href).replace(/[?#].*$/, '');
    return here.slice(0, here.lastIndexOf('/') + 1) + PANE_FILE;
  }

  function storedPane(application) {
    var id = application.PluginStorage.getItem(PANE_KEY);
    if (!id) return null;
    try {
      return application.GetTaskPane(Number(id)) || null;
    } catch (e) {
      return null;
    }
  }

  function togglePane() {
    var application = app();
    if (!application) return false;
    var pane = storedPane(application);
    if (pane) {
      pane.Visible = !pane.Visible;
      return true;
    }
    pane = application.CreateTaskPane(paneUrl(), '工会表格助手');
    application.PluginStorage.setItem(PANE_KEY, String(pane.ID));
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
    return true;
  }

  return {
    /** Nothing to set up: the ribbon's controls never change, so its ribbonUI is not kept. */
    OnAddinLoad: function () {
      return true;
    },
    OnAction: function (control) {
      var id = control && (control.Id || control.id);
      if (id && id !== 'UnionFormsOpenPane') return true;
      try {
        return togglePane();
      } catch (e) {
        if (typeof window.alert === 'function') window.alert('无法打开工会表格助手窗格，请重启 WPS 表格后再试。');
        return false;
      }
    },
    GetImage: function () {
      return 'assets/icon-32.png';
    },
  };
})();
