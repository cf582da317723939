import { planSheet } from '../core/layout';
import { FORMS } from '../forms';

/** The first task pane: it lists the official forms; inserting them through Office.js comes next. */
function showForms(): void {
  const list = document.getElementById('forms');
  const status = document.getElementById('status');
  if (!list || !status) return;
  for (const form of FORMS) {
    const item = document.createElement('li');
    item.textContent = `${planSheet(form).title}（${form.notice.attachment}）`;
    list.appendChild(item);
  }
  status.textContent = typeof Office === 'undefined' ? '此页面需要在 Excel 中作为加载项打开。' : `共 ${FORMS.length} 张表格`;
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => showForms());
} else {
  showForms();
}
