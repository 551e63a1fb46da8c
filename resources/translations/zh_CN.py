"""Chinese for every user-visible string: `python resources/translations/zh_CN.py` fills the .ts from
this table after pyside6-lupdate, then pyside6-lrelease makes the .qm (see `make translations`)."""
ZH = {
    "%1 more spans labelled": "又标注了 %1 处", "%1 of %2 done": "已完成 %1 / %2", "&Edit": "编辑(&E)",
    "&File": "文件(&F)", "&Help": "帮助(&H)", "&Labels": "标签(&L)", "&View": "视图(&V)", "About": "关于",
    "All": "全部", "Attributes": "属性", "Delete span": "删除标注", "Every report is done or skipped":
    "所有报告都已完成或跳过", "Export": "导出", "Export metrics table…": "导出指标表…",
    "Export native JSONL…": "导出原生 JSONL…", "Exported %1 records to %2": "已导出 %1 条记录到 %2",
    "Filter by title or text": "按标题或正文筛选", "Find": "查找", "Find in this report (Enter: next)":
    "在本报告中查找(回车:下一个)", "Find…": "查找…", "Import": "导入", "Import reports": "导入报告",
    "Import reports…": "导入报告…", "Importing…": "正在导入…", "Keyboard shortcuts": "快捷键", "Label": "标签",
    "Label all occurrences in all reports": "在所有报告中标注所有相同文字",
    "Label all occurrences in this report": "在本报告中标注所有相同文字", "Labels": "标签", "Language": "语言",
    "Mark done and go to next": "标为完成并转到下一篇", "Move end left": "结尾左移", "Move end right": "结尾右移",
    "Move start left": "开头左移", "Move start right": "开头右移", "New project": "新建项目",
    "New project…": "新建项目…", "No span selected": "未选中标注", "Not found": "未找到",
    "Nothing to undo or redo": "没有可撤销或重做的操作", "Only spaces are selected": "选中的只有空白",
    "Open project": "打开项目", "Open project…": "打开项目…", "Origin": "来源", "Position": "位置",
    "Projects (*.db)": "项目 (*.db)", "Quit": "退出", "Recent projects": "最近的项目", "Redo": "重做",
    "Report annotator": "报告标注工具", "Report annotator %1": "报告标注工具 %1", "Reports": "报告",
    "Some reports use labels or attributes the schema lacks: %1.\nAdd them to the schema and import those reports?":
        "有些报告使用了方案中没有的标签或属性:%1。\n把它们加入方案并导入这些报告吗?",
    "Reports (%1);;Labelled data from other tools (%2);;All files (*)": "报告 (%1);;其他工具的标注数据 (%2);;所有文件 (*)",
    "Select a span first (click it or press Tab)": "请先选中一个标注(点击它或按 Tab)",
    "Select a span first: its text is what gets labelled": "请先选中一个标注:将标注与它相同的文字",
    "Select some text first": "请先选中文字", "Skip this report": "跳过本报告", "Skip this report…": "跳过本报告…",
    "Snap selections to words": "选区对齐到词语", "Snapping to words is off": "已关闭词语对齐",
    "Snapping to words is on": "已开启词语对齐",
    "Something went wrong and was written to the log:": "出现问题,详情已写入日志:", "Spans": "标注",
    "Text": "文字", "The language changes when the annotator starts next time.": "语言将在下次启动时更改。",
    "Undo": "撤销", "Why is it skipped?": "跳过的原因?", "Zoom in": "放大", "Zoom out": "缩小",
    "delete span": "删除标注", "done, next report": "完成,下一篇", "find": "查找",
    "label all occurrences": "标注所有相同文字", "move the end": "移动结尾", "move the start": "移动开头",
    "next / previous span": "下一个 / 上一个标注", "select by keyboard": "用键盘选择",
    "select characters, not words": "按字选择,不按词", "skip report": "跳过报告", "snapping on/off": "词语对齐开关",
    "spans": "处标注", "undo / redo": "撤销 / 重做", "zoom": "缩放", "To do": "待标注", "In progress": "进行中",
    "Done": "已完成", "Skipped": "已跳过", "(untitled)": "(无标题)",
    "Proposed from the context: edit it, or press F9 to accept": "根据上下文推测:可修改,或按 F9 接受",
    "Accept proposals (F9)": "接受推测值 (F9)", "(none)": "(无)",
    "Not a number: write it like 134000, 13.4万 or 5-7亿": "不是数值:请写成 134000、13.4万 或 5-7亿 这样的形式",
    "Link the metric's subject (then click a region or organisation)": "关联指标的主体(然后点击一个地区或机构)",
    "Link the metric's period (then click a date)": "关联指标的时期(然后点击一个时间)",
    "Accept the proposed attributes": "接受推测的属性", "Choose the indicator": "选择指标类别",
    "Select a metric first": "请先选中一个指标", "Click the span to link as %1 (%2); Esc cancels":
    "点击要关联为 %1 的标注(%2);按 Esc 取消", "Linking cancelled": "已取消关联",
    "&Suggestions": "建议(&S)", "Suggest labels for this report": "为本报告生成建议标注",
    "Suggest labels for all reports": "为所有报告生成建议标注",
    "Accept the selected suggestion (Enter)": "接受选中的建议(回车)",
    "Reject the selected suggestion (Backspace)": "拒绝选中的建议(退格)",
    "Accept all suggestions of the selected span's label here": "接受本报告中与选中标注同类的全部建议",
    "Accept all suggestions here above a confidence…": "接受本报告中置信度不低于某值的全部建议…",
    "Add a word list for a label…": "为标签添加词表…", "Add patterns for a label…": "为标签添加匹配模式…",
    "Word list": "词表", "Patterns": "匹配模式", "Text files (*.txt);;All files (*)": "文本文件 (*.txt);;所有文件 (*)",
    "Which label do these lines get?": "这些行标注为哪个标签?",
    "%1 added, %2 already there. Suggest labels (Ctrl+G) to use them.": "已添加 %1 条,%2 条已存在。按 Ctrl+G 生成建议即可使用。",
    "%1 suggestions added": "新增 %1 条建议", "Select a suggestion first (Tab moves to the next)":
    "请先选中一条建议(按 Tab 移到下一条)", "Select a span first: its label is the one accepted":
    "请先选中一个标注:将接受与它同类的建议", "Accept suggestions": "接受建议",
    "Accept suggestions at least this sure (0–1):": "接受置信度不低于此值的建议(0–1):",
    "%1 suggestions accepted": "已接受 %1 条建议",
    "Choose…": "选择…", "All reports": "全部报告", "Include suggestions not yet accepted": "包括尚未接受的建议",
    "One record per sentence": "每句一条记录", "e.g. 80/10/10 (empty: one file)": "例如 80/10/10(留空:一个文件)",
    "Format": "格式", "Write to": "写入", "Split by report": "按报告划分", "Split seed": "划分随机种子",
    "Export…": "导出…", " (read-only)": "(只读)",
    "The project file was repaired on opening: %1": "打开时已修复项目文件:%1",
    "Read-only: %1. Viewing, searching and exporting work; labelling does not.":
    "只读:%1。可以查看、查找和导出,不能标注。",
    "Suggesting labels…": "正在生成建议…", "Accepting suggestions…": "正在接受建议…",
    "Labelling every occurrence…": "正在标注所有出现…", "Exported %1 to %2": "已导出 %1 条到 %2", "Cancel": "取消",
    "No reports yet: File > Import reports (Ctrl+I)": "还没有报告:文件 > 导入报告(Ctrl+I)",
    "No report is open: import reports first (Ctrl+I)": "没有打开的报告:请先导入报告(Ctrl+I)",
    "The span cannot shrink or grow further that way": "标注不能再朝这个方向缩小或扩大",
    "add": "添加", "change": "修改", "delete": "删除", "status": "状态", "link": "链接", "unlink": "取消链接",
    "Undone: %1": "已撤销:%1", "Redone: %1": "已重做:%1", "(%1 changes)": "(%1 处修改)", "in %1": "在 %1 中",
    "%1 suggestions rejected": "已拒绝 %1 条建议", "Mark done": "标为完成",
    "%1 suggestions in this report are still pending.": "本报告还有 %1 条建议未处理。",
    "Reject them and mark done": "拒绝这些建议并标为完成", "Keep them and mark done": "保留这些建议并标为完成",
    "%1 imported, %2 duplicates skipped, %3 with errors skipped": "已导入 %1 篇,跳过重复 %2 篇,跳过有错误的 %3 篇",
    "accept the selected suggestion": "接受选中的建议", "reject the selected suggestion": "拒绝选中的建议",
    "cancel linking; in the find bar: back to the report": "取消链接;在查找栏中:回到报告",
    "Find in this report (Enter: next, Shift+Enter: previous, Esc: back to the report)":
    "在本报告中查找(Enter:下一个,Shift+Enter:上一个,Esc:回到报告)",
    "Indicators…": "指标类别…", "Indicators": "指标类别", "The project's indicators, one per line:": "本项目的指标类别,每行一个:",
    "Indicators saved: %1": "已保存指标类别:%1 个", "%1 added to the project's indicators": "已将 %1 加入本项目的指标类别",
    "User guide": "使用指南", "Getting started": "开始使用", "Close this hint": "关闭此提示",
    "Start here: Ctrl+G suggests labels · Tab goes to the next one · Enter accepts, Backspace rejects · select text and press a digit to label it · Ctrl+Enter: report done · F1 keys, Shift+F1 guide":
    "从这里开始:Ctrl+G 生成建议 · Tab 移到下一条 · Enter 接受,Backspace 拒绝 · 选中文字后按数字键标注 · Ctrl+Enter:本报告完成 · F1 快捷键,Shift+F1 使用指南",
    "Reject all suggestions of the selected span's label here": "拒绝本报告中与选中标注同类的所有建议",
    "Next pending suggestion": "下一条待处理建议", "Previous pending suggestion": "上一条待处理建议",
    "No suggestion is pending in this report": "本报告没有待处理的建议",
    "Select a span first: its label is the one rejected": "请先选中一个标注:将拒绝与它同类的建议",
    "Suggested by": "建议来源", "All labels": "全部标签", "All spans": "全部标注", "Suggestions": "建议",
    "Annotations": "已确认标注",
    "Show labels": "显示的标签", "Show suggestions": "显示建议",
    "reject": "拒绝",
    "Note on the selected span…": "给选中标注加备注…", "Note on this report…": "给本报告加备注…", "Note": "备注",
    "Note on %1:": "%1 的备注:", "Note on this report:": "本报告的备注:", "Note saved": "备注已保存",
    "Stopped: %1 files not read": "已停止:%1 个文件未读取",
    'Learnt source: training…': '学习模型:正在训练…',
    'Learnt source: not trained': '学习模型:未训练',
    'Suggestions ▸ Train the learnt source, once some reports are done': '完成几篇报告后,可在“建议 ▸ 训练学习模型”中训练',
    'Learnt source: %1 spans, %2': '学习模型:%1 处标注,%2',
    ' · F1 %1 (rules %2)': ' · F1 %1(规则 %2)',
    'Trained on %1 reports marked done; F1 is exact-span, %2-fold on those reports, each part scored by a model trained on the others': '基于 %1 篇已完成的报告训练;F1 为精确匹配,在这些报告上做 %2 折交叉验证,每一折由用其余报告训练的模型评分',
    'Training is already running': '训练已在进行中',
    'This project cannot be trained here (read-only or in memory)': '无法在此训练本项目(只读或仅在内存中)',
    'Training the learnt source in the background…': '正在后台训练学习模型…',
    'Learnt source trained on %1 spans; Suggestions ▸ Suggest again uses it': '学习模型已基于 %1 处标注训练完成;“建议 ▸ 重新建议”会用到它',
    'Training failed: %1': '训练失败:%1',
    'Train the learnt source now': '立即训练学习模型',
    'Suggest again for this report (replaces pending suggestions)': '为本报告重新建议(替换未处理的建议)',
    'In the order imported': '按导入顺序',
    'Least sure first (learnt source)': '模型最不确定的优先(学习模型)',
    'The order of this list, and of "next report" after Done or Skip': '本列表的顺序,也是完成或跳过后“下一篇”的顺序',
    'unsure %1': '不确定度 %1',
    'every label it knows': '它认识的所有标签',
    'It judges the suggestions of: %1': '它评判这些标签的建议:%1',
}

if __name__ == "__main__":
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).with_name("annotator_zh_CN.ts")
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in ZH:
            translation.text = ZH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    if missing:
        sys.exit("no Chinese for: " + "; ".join(missing))
