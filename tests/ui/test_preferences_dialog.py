"""Preferences: the analyst's name goes on history entries and briefings; CLAIMDESK_ANALYST still wins."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.ui.dialogs import preferences_dialog
from desktop_app.ui.dialogs.preferences_dialog import Identity, PreferencesDialog
from desktop_app.ui.settings import Settings

from tests.ui.conftest import import_sample, open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_chosen_name_is_written_on_history_and_exports(qtbot, window, monkeypatch, settings, ws_path, errors):
    monkeypatch.delenv("CLAIMDESK_ANALYST")
    asked = []

    def answer(parent, name, organisation, default_name):
        asked.append((name, organisation, default_name))
        return Identity("Jo Smith", "Verification desk")

    monkeypatch.setattr(preferences_dialog, "ask_identity", answer)
    press(window, Qt.Key.Key_Comma, CTRL)
    assert asked[0][:2] == ("", "") and asked[0][2]  # the OS user as the placeholder
    assert window.workspace.analyst == "Jo Smith"
    assert window.analyst.text() == "Analyst: Jo Smith \u00b7 Verification desk"
    import_sample(qtbot, window)
    claim = window.workspace.add_claim(window.article.id, "casualty", quote="Another 24 were injured")
    assert window.workspace.history(claim.id)[0].analyst == "Jo Smith" and claim.analyst == "Jo Smith"
    press(window, Qt.Key.Key_E, CTRL)
    options = window.export_dialog.options()
    assert (options.analyst, options.organisation) == ("Jo Smith", "Verification desk")
    window.export_dialog.close()
    assert Settings(settings._q.fileName()).analyst_name() == "Jo Smith"
    window.close()
    again = open_window(qtbot, ws_path, settings)  # remembered
    assert again.workspace.analyst == "Jo Smith"
    again.panel.mine.click()
    assert again.panel.model.rowCount() == 1  # "My claims" means Jo Smith's


def test_claimdesk_analyst_wins_over_the_chosen_name(qtbot, window, monkeypatch, settings):
    settings.set_analyst("Jo Smith", "")
    monkeypatch.setenv("CLAIMDESK_ANALYST", "maria")
    monkeypatch.setattr(preferences_dialog, "ask_identity", lambda *a: Identity("Jo Smith", ""))
    window.edit_preferences()
    assert window.workspace.analyst == "maria" and window.analyst.text() == "Analyst: maria"


def test_the_dialog_keeps_what_was_typed_and_names_the_environment_variable(qtbot, monkeypatch, real_dialogs):
    monkeypatch.setenv("CLAIMDESK_ANALYST", "maria")
    dialog = PreferencesDialog(None, "Jo", "", "jo")
    qtbot.addWidget(dialog)
    assert "CLAIMDESK_ANALYST" in dialog.findChild(QLabel, "analystEnvNote").text()
    dialog.name.setText("  Jo   Smith ")
    dialog.organisation.setText("Desk ")
    assert dialog.identity() == Identity("Jo Smith", "Desk")

    def fill():
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "preferencesDialog" and w.isVisible())
        box.name.setText("Ana")
        box.accept()

    QTimer.singleShot(0, fill)
    assert preferences_dialog.ask_identity(None, "", "", "ana") == Identity("Ana", "")
