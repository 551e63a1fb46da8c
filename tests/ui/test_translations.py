"""Every user-visible string has its Chinese, and the window speaks Chinese when asked."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "resources" / "translations"))
from zh_CN import ZH  # noqa: E402

TS = ROOT / "resources" / "translations" / "annotator_zh_CN.ts"
QM = TS.with_suffix(".qm")


def test_every_string_in_the_code_has_chinese(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate if lupdate.exists() else shutil.which("pyside6-lupdate")),
                    *map(str, sorted((ROOT / "annotator" / "ui").glob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    sources = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    assert len(sources) > 50
    assert sorted(sources - set(ZH)) == []


def test_the_compiled_translations_are_current():
    shipped = {m.findtext("source"): m.findtext("translation") for m in ET.parse(TS).iter("message")}
    assert all(shipped[s] == ZH[s] for s in shipped)
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("DocumentPanel", "To do") == "待标注"


def test_the_window_in_chinese(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from annotator.core.store import Project
    from annotator.ui.app import install_translations, settings
    from annotator.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translations(app, "zh_CN")
    try:
        window = MainWindow(Project.open(tmp_path / "zh.db"), settings(), english=False)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "编辑(&E)"]
        assert window.palette.item(0).text().endswith("地区  REGION")
        window.project.close()
    finally:
        for t in translators:
            app.removeTranslator(t)
