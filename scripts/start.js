#!/usr/bin/env node
'use strict';
/* npm start: where desktop Excel can run (Windows, macOS) office-addin-debugging starts the dev server and
   sideloads the add-in; elsewhere (Linux) the dev server is started and the way to load it in Excel on the web
   is printed. `npm stop` ends either. */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const manifest = path.join(root, 'manifest.xml');
const pidFile = path.join(root, '.tmp', 'dev-server.pid');

function hasDebugging() {
  try {
    require.resolve('office-addin-debugging/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function webInstructions() {
  console.log(
    [
      '',
      '加载项开发服务器：https://localhost:3000/taskpane.html',
      '在 Excel 网页版中加载 / To load it in Excel on the web:',
      '  1. 打开 Excel 网页版中的一个工作簿 (open a workbook in Excel on the web)；',
      '  2. 开始 → 加载项 → 更多设置 → 上传我的加载项 (Home → Add-ins → More Settings → Upload My Add-in)；',
      `  3. 选择 ${manifest}，上传后在“开始”选项卡点击“工会表格助手”。`,
      '浏览器需先信任 https://localhost:3000 的证书（首次可在浏览器中打开该地址并接受）。',
      '停止：npm stop',
      '',
    ].join('\n'),
  );
}

if ((process.platform === 'win32' || process.platform === 'darwin') && hasDebugging()) {
  const child = spawn('npx', ['office-addin-debugging', 'start', manifest, 'desktop', '--app', 'excel'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (process.platform === 'win32' || process.platform === 'darwin') {
    console.log('未安装 office-addin-debugging，无法自动旁加载到桌面版 Excel（npm i -D office-addin-debugging@6 后重试），改为只启动开发服务器。');
  } else {
    console.log('此系统没有桌面版 Excel：只启动开发服务器。');
  }
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  const server = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js', { paths: [root] }), 'serve', '--mode', 'development'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  fs.writeFileSync(pidFile, String(server.pid));
  let told = false;
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!told && /compiled/i.test(String(chunk))) {
      told = true;
      webInstructions();
    }
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    fs.rmSync(pidFile, { force: true });
    process.exit(code ?? 0);
  });
}
