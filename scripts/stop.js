#!/usr/bin/env node
'use strict';
/* npm stop: ends what npm start began. */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const pidFile = path.join(root, '.tmp', 'dev-server.pid');

if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`已停止开发服务器（进程 ${pid}）。`);
  } catch {
    console.log('开发服务器已不在运行。');
  }
  fs.rmSync(pidFile, { force: true });
} else if (process.platform === 'win32' || process.platform === 'darwin') {
  const r = spawnSync('npx', ['office-addin-debugging', 'stop', path.join(root, 'manifest.xml')], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 0);
} else {
  console.log('没有正在运行的开发服务器。');
}
