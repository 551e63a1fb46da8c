<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttributePanel</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="147" />
        <source>No span selected</source>
        <translation>未选中标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="149" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="150" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="151" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="152" />
        <source>Origin</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="14" />
        <source>To do</source>
        <translation>待标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="15" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="16" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="17" />
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="32" />
        <source>Filter by title or text</source>
        <translation>按标题或正文筛选</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="34" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="70" />
        <source>spans</source>
        <translation>处标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="77" />
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="39" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="40" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="41" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="42" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="43" />
        <source>Find in this report (Enter: next)</source>
        <translation>在本报告中查找(回车:下一个)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="45" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="90" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="91" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="92" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="93" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="95" />
        <source>Import reports…</source>
        <translation>导入报告…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="96" />
        <source>Export native JSONL…</source>
        <translation>导出原生 JSONL…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="97" />
        <source>Export metrics table…</source>
        <translation>导出指标表…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="99" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="100" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="101" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="102" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="104" />
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="106" />
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="107" />
        <source>Label all occurrences in this report</source>
        <translation>在本报告中标注所有相同文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="108" />
        <source>Label all occurrences in all reports</source>
        <translation>在所有报告中标注所有相同文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="110" />
        <source>Move end left</source>
        <translation>结尾左移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="111" />
        <source>Move end right</source>
        <translation>结尾右移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="112" />
        <source>Move start left</source>
        <translation>开头左移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="113" />
        <source>Move start right</source>
        <translation>开头右移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="115" />
        <source>Mark done and go to next</source>
        <translation>标为完成并转到下一篇</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="116" />
        <source>Skip this report…</source>
        <translation>跳过本报告…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="117" />
        <source>&amp;Labels</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="118" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="119" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="120" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="121" />
        <source>Snap selections to words</source>
        <translation>选区对齐到词语</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="124" />
        <location filename="../../annotator/ui/main_window.py" line="395" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="127" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="128" />
        <location filename="../../annotator/ui/main_window.py" line="455" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="129" />
        <location filename="../../annotator/ui/main_window.py" line="458" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="208" />
        <source>Select some text first</source>
        <translation>请先选中文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="215" />
        <source>Only spaces are selected</source>
        <translation>选中的只有空白</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="280" />
        <source>Select a span first (click it or press Tab)</source>
        <translation>请先选中一个标注(点击它或按 Tab)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="290" />
        <source>Select a span first: its text is what gets labelled</source>
        <translation>请先选中一个标注:将标注与它相同的文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="299" />
        <source>%1 more spans labelled</source>
        <translation>又标注了 %1 处</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="314" />
        <source>Nothing to undo or redo</source>
        <translation>没有可撤销或重做的操作</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="343" />
        <source>Skip this report</source>
        <translation>跳过本报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="343" />
        <source>Why is it skipped?</source>
        <translation>跳过的原因?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="355" />
        <source>Every report is done or skipped</source>
        <translation>所有报告都已完成或跳过</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="376" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="390" />
        <source>Snapping to words is on</source>
        <translation>已开启词语对齐</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="391" />
        <source>Snapping to words is off</source>
        <translation>已关闭词语对齐</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="395" />
        <source>The language changes when the annotator starts next time.</source>
        <translation>语言将在下次启动时更改。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="399" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="400" />
        <location filename="../../annotator/ui/main_window.py" line="406" />
        <source>Projects (*.db)</source>
        <translation>项目 (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="405" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="411" />
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="412" />
        <source>Reports (*.txt *.md *.html *.htm *.jsonl)</source>
        <translation>报告 (*.txt *.md *.html *.htm *.jsonl)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="417" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="428" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="436" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="444" />
        <source>Exported %1 records to %2</source>
        <translation>已导出 %1 条记录到 %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="448" />
        <source>select by keyboard</source>
        <translation>用键盘选择</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="448" />
        <source>next / previous span</source>
        <translation>下一个 / 上一个标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="449" />
        <source>delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="449" />
        <source>move the end</source>
        <translation>移动结尾</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="450" />
        <source>move the start</source>
        <translation>移动开头</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="450" />
        <source>label all occurrences</source>
        <translation>标注所有相同文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="451" />
        <source>undo / redo</source>
        <translation>撤销 / 重做</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="451" />
        <source>done, next report</source>
        <translation>完成,下一篇</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="452" />
        <source>skip report</source>
        <translation>跳过报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="452" />
        <source>find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="452" />
        <source>zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="453" />
        <source>snapping on/off</source>
        <translation>词语对齐开关</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="453" />
        <source>select characters, not words</source>
        <translation>按字选择,不按词</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="458" />
        <source>Report annotator %1</source>
        <translation>报告标注工具 %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="467" />
        <source>Report annotator</source>
        <translation>报告标注工具</translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="107" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="107" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="107" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="108" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="49" />
        <source>Something went wrong and was written to the log:</source>
        <translation>出现问题,详情已写入日志:</translation>
    </message>
</context>
</TS>