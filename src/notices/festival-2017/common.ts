export const DEADLINE_NOTE = '2. 请于{deadline:ymd}前报送第{edition:cn}届上海职工科技节组委会办公室';
export const DEADLINE_NOTE_ADAPTED = '通知原文为“请于 5 月 12 日前”，加上年份，换届时只需改参数';
