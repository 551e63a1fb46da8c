<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../annotator/ui/team.py" line="48" />
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="49" />
        <source>Annotator name…</source>
        <translation>标注员姓名…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="51" />
        <source>Hand out reports…</source>
        <translation>分配报告…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="52" />
        <source>Merge packages…</source>
        <translation>合并任务包…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="54" />
        <source>Agreement…</source>
        <translation>一致性…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="55" />
        <source>Adjudicate disagreements</source>
        <translation>裁决分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="57" />
        <source>Copy what all annotators agree on into gold</source>
        <translation>把所有标注员一致的标注复制到标准层</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="58" />
        <source>Take version %1</source>
        <translation>采用第 %1 个版本</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="61" />
        <source>Next disagreement</source>
        <translation>下一处分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="62" />
        <source>Previous disagreement</source>
        <translation>上一处分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="67" />
        <source>Progress…</source>
        <translation>进度…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="78" />
        <source>Annotator: %1</source>
        <translation>标注员:%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="84" />
        <location filename="../../annotator/ui/team.py" line="104" />
        <source>Annotator name</source>
        <translation>标注员姓名</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="85" />
        <source>Your name, stored with every label you make (as the team knows you):</source>
        <translation>你的姓名,会随每一处标注保存(用团队认识你的名字):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="105" />
        <source>This package was made for %1; you are labelling as %2. Label as %1?</source>
        <translation>这个任务包是为 %1 准备的;你现在以 %2 的身份标注。改用 %1 的身份吗?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="128" />
        <source>Writing packages…</source>
        <translation>正在写出任务包…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="131" />
        <source>%1 packages written to %2; %3 reports go to %4 annotators each</source>
        <translation>已写出 %1 个任务包到 %2;%3 篇报告各交给 %4 位标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="137" />
        <source>Merge packages</source>
        <translation>合并任务包</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="137" />
        <source>Projects (*.db)</source>
        <translation>项目 (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="140" />
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="143" />
        <source>%1: merged before, nothing new</source>
        <translation>%1:之前已合并,没有新内容</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="144" />
        <source>%1: %2 reports, %3 spans</source>
        <translation>%1:%2 篇报告,%3 处标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="166" />
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="169" />
        <source>%1 agreed spans copied into gold</source>
        <translation>已把 %1 处一致的标注复制到标准层</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="189" />
        <source>Adjudication</source>
        <translation>裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team.py" line="191" />
        <source>Nothing to adjudicate yet: merge the annotators' packages first (Team &gt; Merge packages…)</source>
        <translation>还没有可裁决的内容:请先合并标注员的任务包(团队 &gt; 合并任务包…)</translation>
    </message>
</context>
<context>
    <name>AdjudicationPanel</name>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="93" />
        <source>No disagreements in this report (F11: the next report with some)</source>
        <translation>本报告没有分歧(F11:下一篇有分歧的报告)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="107" />
        <source>Gold now as %1</source>
        <translation>标准层目前与 %1 一致</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="123" />
        <source>Gold now</source>
        <translation>标准层现状</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="124" />
        <source>Ctrl+0: nothing here. F11 / Shift+F11: next / previous disagreement.</source>
        <translation>Ctrl+0:此处不标。F11 / Shift+F11:下一处 / 上一处分歧。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="128" />
        <source>Disagreement %1 of %2 in this report</source>
        <translation>本报告第 %1 / %2 处分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="138" />
        <source>There are %1 versions here</source>
        <translation>这里只有 %1 个版本</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="155" />
        <source>That was the last disagreement in this report; F11 goes to the next report</source>
        <translation>这是本报告最后一处分歧;F11 转到下一篇报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/adjudication.py" line="162" />
        <source>No more reports with disagreements</source>
        <translation>没有其他有分歧的报告了</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="68" />
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="72" />
        <source>No report was finished by two annotators yet: merge their packages first (Team &gt; Merge packages…).</source>
        <translation>还没有由两位标注员都完成的报告:请先合并他们的任务包(团队 &gt; 合并任务包…)。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="75" />
        <source>%1 reports labelled by more than one of %2</source>
        <translation>%2 中有多人标注的报告:%1 篇</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="88" />
        <source>Exact-span F1 by label and pair of annotators</source>
        <translation>按标签和标注员对的精确片段 F1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="90" />
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="91" />
        <source>Pair</source>
        <translation>标注员对</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="91" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="91" />
        <source>Spans A</source>
        <translation>A 的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="91" />
        <source>Spans B</source>
        <translation>B 的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="91" />
        <source>Exact F1</source>
        <translation>精确 F1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="92" />
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="92" />
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="92" />
        <source>Alpha (unitizing)</source>
        <translation>Alpha(切分)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="94" />
        <source>all pairs</source>
        <translation>所有标注员对</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="102" />
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="104" />
        <source>Who said what</source>
        <translation>谁标成了什么</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="104" />
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="104" />
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="106" />
        <source>%1 said %2 where %3 said %4</source>
        <translation>%1 标为 %2,%3 标为 %4</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="113" />
        <location filename="../../annotator/ui/team_dialogs.py" line="116" />
        <source>Confusions</source>
        <translation>标签混淆</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="115" />
        <source>No one gave a place another label than someone else did.</source>
        <translation>没有人给同一处标了与别人不同的标签。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="119" />
        <source>METRIC spans both marked: %1; agreeing on %2</source>
        <translation>双方都标出的指标:%1 处;属性一致率 %2</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="23" />
        <source>Hand out reports</source>
        <translation>分配报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="24" />
        <source>alice, bob, carol</source>
        <translation>张三, 李四, 王五</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="28" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="36" />
        <source>%1 reports are not handed out yet.</source>
        <translation>还有 %1 篇报告未分配。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="37" />
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="38" />
        <source>Labelled twice, for agreement</source>
        <translation>重复标注比例(用于一致性)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="39" />
        <source>Annotators per shared report</source>
        <translation>每篇共享报告的标注员人数</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="40" />
        <location filename="../../annotator/ui/team_dialogs.py" line="47" />
        <source>Folder for the packages</source>
        <translation>任务包文件夹</translation>
    </message>
</context>
<context>
    <name>AttributePanel</name>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="43" />
        <source>No span selected</source>
        <translation>未选中标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="45" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="46" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="47" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="59" />
        <source>Proposed from the context: edit it, or press F9 to accept</source>
        <translation>根据上下文推测:可修改,或按 F9 接受</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="64" />
        <source>Accept proposals (F9)</source>
        <translation>接受推测值 (F9)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="100" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/attribute_panel.py" line="113" />
        <source>Not a number: write it like 134000, 13.4万 or 5-7亿</source>
        <translation>不是数值:请写成 134000、13.4万 或 5-7亿 这样的形式</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="16" />
        <source>To do</source>
        <translation>待标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="17" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="18" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="19" />
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="64" />
        <source>Filter by title or text</source>
        <translation>按标题或正文筛选</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="65" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="68" />
        <source>In the order imported</source>
        <translation>按导入顺序</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="69" />
        <source>Least sure first (learnt source)</source>
        <translation>模型最不确定的优先(学习模型)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="70" />
        <source>The order of this list, and of "next report" after Done or Skip</source>
        <translation>本列表的顺序,也是完成或跳过后“下一篇”的顺序</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="80" />
        <source>(untitled)</source>
        <translation>(无标题)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="83" />
        <source>spans</source>
        <translation>处标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="84" />
        <source>unsure %1</source>
        <translation>不确定度 %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="86" />
        <source>%1 of %2 annotators done</source>
        <translation>%2 位标注员中 %1 位已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="119" />
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="19" />
        <location filename="../../annotator/ui/export_dialog.py" line="85" />
        <location filename="../../annotator/ui/export_dialog.py" line="87" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="24" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="32" />
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="42" />
        <source>Include suggestions not yet accepted</source>
        <translation>包括尚未接受的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="43" />
        <source>One record per sentence</source>
        <translation>每句一条记录</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="44" />
        <source>e.g. 80/10/10 (empty: one file)</source>
        <translation>例如 80/10/10(留空:一个文件)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="48" />
        <source>Gold (this project's own spans)</source>
        <translation>标准层(本项目自己的标注)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="50" />
        <source>%1's versions</source>
        <translation>%1 的版本</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="52" />
        <source>All annotators' versions</source>
        <translation>所有标注员的版本</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="54" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="55" />
        <source>Write to</source>
        <translation>写入</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="56" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="58" />
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="59" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="62" />
        <source>Split by report</source>
        <translation>按报告划分</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="63" />
        <source>Split seed</source>
        <translation>划分随机种子</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="22" />
        <source>Find in this report (Enter: next, Shift+Enter: previous, Esc: back to the report)</source>
        <translation>在本报告中查找(Enter:下一个,Shift+Enter:上一个,Esc:回到报告)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="23" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="53" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="93" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="93" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="94" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="94" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="76" />
        <source>Getting started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="72" />
        <source>Start here: Ctrl+G suggests labels · Tab goes to the next one · Enter accepts, Backspace rejects · select text and press a digit to label it · Ctrl+Enter: report done · F1 keys, Shift+F1 guide</source>
        <translation>从这里开始:Ctrl+G 生成建议 · Tab 移到下一条 · Enter 接受,Backspace 拒绝 · 选中文字后按数字键标注 · Ctrl+Enter:本报告完成 · F1 快捷键,Shift+F1 使用指南</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="77" />
        <source>Close this hint</source>
        <translation>关闭此提示</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="115" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="116" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="117" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="118" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="120" />
        <source>Import reports…</source>
        <translation>导入报告…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="121" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="122" />
        <source>Merge packages…</source>
        <translation>合并任务包…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="124" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="125" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="126" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="127" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="129" />
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="131" />
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="132" />
        <source>Label all occurrences in this report</source>
        <translation>在本报告中标注所有相同文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="133" />
        <source>Label all occurrences in all reports</source>
        <translation>在所有报告中标注所有相同文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="135" />
        <source>Move end left</source>
        <translation>结尾左移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="136" />
        <source>Move end right</source>
        <translation>结尾右移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="137" />
        <source>Move start left</source>
        <translation>开头左移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="138" />
        <source>Move start right</source>
        <translation>开头右移</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="140" />
        <source>Link the metric's subject (then click a region or organisation)</source>
        <translation>关联指标的主体(然后点击一个地区或机构)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="142" />
        <source>Link the metric's period (then click a date)</source>
        <translation>关联指标的时期(然后点击一个时间)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="144" />
        <source>Accept the proposed attributes</source>
        <translation>接受推测的属性</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="145" />
        <source>Note on the selected span…</source>
        <translation>给选中标注加备注…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="146" />
        <source>Note on this report…</source>
        <translation>给本报告加备注…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="147" />
        <source>Choose the indicator</source>
        <translation>选择指标类别</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="149" />
        <source>Mark done and go to next</source>
        <translation>标为完成并转到下一篇</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="150" />
        <source>Skip this report…</source>
        <translation>跳过本报告…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="151" />
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="152" />
        <source>Suggest labels for this report</source>
        <translation>为本报告生成建议标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="153" />
        <source>Suggest labels for all reports</source>
        <translation>为所有报告生成建议标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="158" />
        <source>Accept the selected suggestion (Enter)</source>
        <translation>接受选中的建议(回车)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="159" />
        <source>Reject the selected suggestion (Backspace)</source>
        <translation>拒绝选中的建议(退格)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="160" />
        <source>Accept all suggestions of the selected span's label here</source>
        <translation>接受本报告中与选中标注同类的全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="162" />
        <source>Accept all suggestions here above a confidence…</source>
        <translation>接受本报告中置信度不低于某值的全部建议…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="164" />
        <source>Reject all suggestions of the selected span's label here</source>
        <translation>拒绝本报告中与选中标注同类的所有建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="166" />
        <source>Next pending suggestion</source>
        <translation>下一条待处理建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="167" />
        <source>Previous pending suggestion</source>
        <translation>上一条待处理建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="170" />
        <source>Train the learnt source now</source>
        <translation>立即训练学习模型</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="171" />
        <source>Suggest again for this report (replaces pending suggestions)</source>
        <translation>为本报告重新建议(替换未处理的建议)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="174" />
        <source>Add a word list for a label…</source>
        <translation>为标签添加词表…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="175" />
        <source>Add patterns for a label…</source>
        <translation>为标签添加匹配模式…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="177" />
        <source>&amp;Labels</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="178" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="179" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="180" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="181" />
        <source>Snap selections to words</source>
        <translation>选区对齐到词语</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="184" />
        <source>Show suggestions</source>
        <translation>显示建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="187" />
        <source>Show labels</source>
        <translation>显示的标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="188" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="191" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="75" />
        <source>Reports (%1);;Labelled data from other tools (%2);;All files (*)</source>
        <translation>报告 (%1);;其他工具的标注数据 (%2);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="44" />
        <location filename="../../annotator/ui/main_window.py" line="192" />
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="37" />
        <location filename="../../annotator/ui/main_window.py" line="193" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="194" />
        <location filename="../../annotator/ui/main_window.py" line="727" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="209" />
        <source>Indicators…</source>
        <translation>指标类别…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="493" />
        <location filename="../../annotator/ui/main_window.py" line="505" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="493" />
        <source>Note on %1:</source>
        <translation>%1 的备注:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="505" />
        <source>Note on this report:</source>
        <translation>本报告的备注:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="508" />
        <source>Note saved</source>
        <translation>备注已保存</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="702" />
        <source> (read-only)</source>
        <translation>(只读)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="216" />
        <source>The project file was repaired on opening: %1</source>
        <translation>打开时已修复项目文件:%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="95" />
        <source>Adjudication</source>
        <translation>裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="218" />
        <source>Read-only: %1. Viewing, searching and exporting work; labelling does not.</source>
        <translation>只读:%1。可以查看、查找和导出,不能标注。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="230" />
        <source>No reports yet: File &gt; Import reports (Ctrl+I)</source>
        <translation>还没有报告:文件 &gt; 导入报告(Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="319" />
        <source>No report is open: import reports first (Ctrl+I)</source>
        <translation>没有打开的报告:请先导入报告(Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="325" />
        <source>Select some text first</source>
        <translation>请先选中文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="332" />
        <source>Only spaces are selected</source>
        <translation>选中的只有空白</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="341" />
        <source>Indicators</source>
        <translation>指标类别</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="342" />
        <source>The project's indicators, one per line:</source>
        <translation>本项目的指标类别,每行一个:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="344" />
        <source>Indicators saved: %1</source>
        <translation>已保存指标类别:%1 个</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="366" />
        <source>Suggesting labels…</source>
        <translation>正在生成建议…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="369" />
        <source>%1 suggestions added</source>
        <translation>新增 %1 条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="371" />
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="375" />
        <location filename="../../annotator/ui/main_window.py" line="391" />
        <source>Word list</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="375" />
        <source>Patterns</source>
        <translation>匹配模式</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="376" />
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="380" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="380" />
        <source>Which label do these lines get?</source>
        <translation>这些行标注为哪个标签?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="388" />
        <source>%1 added, %2 already there. Suggest labels (Ctrl+G) to use them.</source>
        <translation>已添加 %1 条,%2 条已存在。按 Ctrl+G 生成建议即可使用。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="396" />
        <location filename="../../annotator/ui/main_window.py" line="404" />
        <source>Select a suggestion first (Tab moves to the next)</source>
        <translation>请先选中一条建议(按 Tab 移到下一条)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="416" />
        <source>Select a span first: its label is the one accepted</source>
        <translation>请先选中一个标注:将接受与它同类的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="420" />
        <source>Accept suggestions</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="421" />
        <source>Accept suggestions at least this sure (0–1):</source>
        <translation>接受置信度不低于此值的建议(0–1):</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="425" />
        <source>Accepting suggestions…</source>
        <translation>正在接受建议…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="428" />
        <source>%1 suggestions accepted</source>
        <translation>已接受 %1 条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="450" />
        <source>%1 added to the project's indicators</source>
        <translation>已将 %1 加入本项目的指标类别</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="463" />
        <source>Select a metric first</source>
        <translation>请先选中一个指标</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="466" />
        <source>Click the span to link as %1 (%2); Esc cancels</source>
        <translation>点击要关联为 %1 的标注(%2);按 Esc 取消</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="535" />
        <source>No suggestion is pending in this report</source>
        <translation>本报告没有待处理的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="540" />
        <source>Select a span first: its label is the one rejected</source>
        <translation>请先选中一个标注:将拒绝与它同类的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="491" />
        <location filename="../../annotator/ui/main_window.py" line="568" />
        <source>Select a span first (click it or press Tab)</source>
        <translation>请先选中一个标注(点击它或按 Tab)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="572" />
        <source>The span cannot shrink or grow further that way</source>
        <translation>标注不能再朝这个方向缩小或扩大</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="581" />
        <source>Select a span first: its text is what gets labelled</source>
        <translation>请先选中一个标注:将标注与它相同的文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="584" />
        <source>Labelling every occurrence…</source>
        <translation>正在标注所有出现…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="587" />
        <source>%1 more spans labelled</source>
        <translation>又标注了 %1 处</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="601" />
        <source>Nothing to undo or redo</source>
        <translation>没有可撤销或重做的操作</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="607" />
        <source>add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="607" />
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="607" />
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="608" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="608" />
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="608" />
        <source>unlink</source>
        <translation>取消链接</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="609" />
        <source>reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="610" />
        <source>Undone: %1</source>
        <translation>已撤销:%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="610" />
        <source>Redone: %1</source>
        <translation>已重做:%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="613" />
        <source>(%1 changes)</source>
        <translation>(%1 处修改)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="615" />
        <source>in %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="544" />
        <location filename="../../annotator/ui/main_window.py" line="642" />
        <source>%1 suggestions rejected</source>
        <translation>已拒绝 %1 条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="82" />
        <source>Mark done</source>
        <translation>标为完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="83" />
        <source>%1 suggestions in this report are still pending.</source>
        <translation>本报告还有 %1 条建议未处理。</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="85" />
        <source>Reject them and mark done</source>
        <translation>拒绝这些建议并标为完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="87" />
        <source>Keep them and mark done</source>
        <translation>保留这些建议并标为完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="654" />
        <source>Skip this report</source>
        <translation>跳过本报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="654" />
        <source>Why is it skipped?</source>
        <translation>跳过的原因?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="661" />
        <source>Every report is done or skipped</source>
        <translation>所有报告都已完成或跳过</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="673" />
        <source>Snapping to words is on</source>
        <translation>已开启词语对齐</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="674" />
        <source>Snapping to words is off</source>
        <translation>已关闭词语对齐</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="57" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="58" />
        <location filename="../../annotator/ui/project_files.py" line="65" />
        <source>Projects (*.db)</source>
        <translation>项目 (*.db)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="64" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="74" />
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="83" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="89" />
        <source>Some reports use labels or attributes the schema lacks: %1.
Add them to the schema and import those reports?</source>
        <translation>有些报告使用了方案中没有的标签或属性:%1。
把它们加入方案并导入这些报告吗?</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="96" />
        <source>%1 imported, %2 duplicates skipped, %3 with errors skipped</source>
        <translation>已导入 %1 篇,跳过重复 %2 篇,跳过有错误的 %3 篇</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="100" />
        <source>Stopped: %1 files not read</source>
        <translation>已停止:%1 个文件未读取</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="89" />
        <location filename="../../annotator/ui/project_files.py" line="104" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/project_files.py" line="117" />
        <source>Exported %1 to %2</source>
        <translation>已导出 %1 条到 %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="15" />
        <source>select by keyboard</source>
        <translation>用键盘选择</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="16" />
        <source>next / previous span</source>
        <translation>下一个 / 上一个标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="20" />
        <source>select characters, not words</source>
        <translation>按字选择,不按词</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="727" />
        <source>Report annotator %1</source>
        <translation>报告标注工具 %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="703" />
        <location filename="../../annotator/ui/main_window.py" line="736" />
        <source>Report annotator</source>
        <translation>报告标注工具</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="17" />
        <source>accept the selected suggestion</source>
        <translation>接受选中的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="18" />
        <source>reject the selected suggestion</source>
        <translation>拒绝选中的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guidance.py" line="19" />
        <source>cancel linking; in the find bar: back to the report</source>
        <translation>取消链接;在查找栏中:回到报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="745" />
        <source>Linking cancelled</source>
        <translation>已取消关联</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/operations.py" line="58" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="133" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="136" />
        <source>(no name)</source>
        <translation>(无名)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="138" />
        <source>To do</source>
        <translation>待标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="138" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="138" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="139" />
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="146" />
        <source>Reports by status</source>
        <translation>各状态的报告</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="148" />
        <source>Spans by label</source>
        <translation>各标签的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="157" />
        <source>Labels made</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="157" />
        <source>Active hours</source>
        <translation>有效工时</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="151" />
        <location filename="../../annotator/ui/team_dialogs.py" line="157" />
        <source>Labels per hour</source>
        <translation>每小时标注数</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialogs.py" line="154" />
        <source>Speed, from the event log (pauses over 5 minutes are not counted)</source>
        <translation>速度(来自事件日志,超过 5 分钟的停顿不计)</translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <location filename="../../annotator/ui/panels.py" line="171" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="171" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="172" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="172" />
        <source>Suggested by</source>
        <translation>建议来源</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="173" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="322" />
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="323" />
        <source>All spans</source>
        <translation>全部标注</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="323" />
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/panels.py" line="323" />
        <source>Annotations</source>
        <translation>已确认标注</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <location filename="../../annotator/ui/training.py" line="53" />
        <source>Learnt source: training…</source>
        <translation>学习模型:正在训练…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="57" />
        <source>Learnt source: not trained</source>
        <translation>学习模型:未训练</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="58" />
        <source>Suggestions ▸ Train the learnt source, once some reports are done</source>
        <translation>完成几篇报告后,可在“建议 ▸ 训练学习模型”中训练</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="61" />
        <source>Learnt source: %1 spans, %2</source>
        <translation>学习模型:%1 处标注,%2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="66" />
        <source> · F1 %1 (rules %2)</source>
        <translation> · F1 %1(规则 %2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="69" />
        <source>every label it knows</source>
        <translation>它认识的所有标签</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="70" />
        <source>Trained on %1 reports marked done; F1 is exact-span, %2-fold on those reports, each part scored by a model trained on the others</source>
        <translation>基于 %1 篇已完成的报告训练;F1 为精确匹配,在这些报告上做 %2 折交叉验证,每一折由用其余报告训练的模型评分</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="73" />
        <source>It judges the suggestions of: %1</source>
        <translation>它评判这些标签的建议:%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="80" />
        <source>Training is already running</source>
        <translation>训练已在进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="81" />
        <source>This project cannot be trained here (read-only or in memory)</source>
        <translation>无法在此训练本项目(只读或仅在内存中)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="91" />
        <source>Training the learnt source in the background…</source>
        <translation>正在后台训练学习模型…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="109" />
        <source>Learnt source trained on %1 spans; Suggestions ▸ Suggest again uses it</source>
        <translation>学习模型已基于 %1 处标注训练完成;“建议 ▸ 重新建议”会用到它</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/training.py" line="115" />
        <source>Training failed: %1</source>
        <translation>训练失败:%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="59" />
        <source>Something went wrong and was written to the log:</source>
        <translation>出现问题,详情已写入日志:</translation>
    </message>
</context>
</TS>