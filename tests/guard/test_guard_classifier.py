"""The classifier: a second opinion for wording the lexicon does not know.

What it promises: it is trained only on what it may be trained on, the same way every time;
it learns what the lexicon misses; it never overrules what the lexicon knows is a look-alike
or a promise not to ask; its findings say they are guesses; and it can be switched off.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from guard_helpers import CORPUS, LAW_2025, write_xlsx
from test_guard_cli import guard

from psepa.guard import Category, scan
from psepa.guard import classifier as model
from psepa.guard.detect import THRESHOLD, combine, detect, detect_many
from psepa.guard.evaluate import load_corpus
from psepa.guard.matcher import MATCHER, Hit


def test_it_trains_on_the_shipped_corpus_but_never_on_its_held_out_parts() -> None:
    parts = {p.stem for p in model.training_parts()}
    assert model.CORPUS_DIR.resolve() == CORPUS.resolve()
    assert "dev" in parts
    for held_out in model.HELD_OUT:
        assert (CORPUS / f"{held_out}.tsv").exists(), held_out
        assert held_out not in parts
    expected = sum(len(load_corpus(p)) for p in model.training_parts())
    assert model.shared().trained_on == expected


TEXTS = ["¿Cuánto tiempo lleva en este país?", "Llegó en 2018 sin papeles", "Parcel number"]


@pytest.fixture(scope="module")
def small_parts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A copy of two training parts: enough to train on in seconds, and to change."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in ("dev.tsv", "train-9.tsv"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    return sorted(folder.glob("*.tsv"))


@pytest.fixture(scope="module")
def small_model(small_parts: list[Path]) -> model.Classifier:
    return model.train(small_parts)


@pytest.fixture
def trainings(monkeypatch: pytest.MonkeyPatch, small_model: model.Classifier) -> list[list[Path]]:
    """Every training `load_or_train` asks for, answered with the model trained once."""
    asked: list[list[Path]] = []

    def train(parts: list[Path]) -> model.Classifier:
        asked.append(list(parts))
        return small_model

    monkeypatch.setattr(model, "train", train)
    return asked


def test_a_cached_model_is_read_back_and_gives_the_same_opinions(
    small_parts: list[Path], small_model: model.Classifier, tmp_path: Path
) -> None:
    stored = model.load_or_train(small_parts, tmp_path)  # the real training, then stored
    (cached,) = tmp_path.glob("guard-classifier-*.npz")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "train", lambda parts: pytest.fail("trained again, not read"))
        again = model.load_or_train(small_parts, tmp_path)
    assert again.opinions(TEXTS, "question") == stored.opinions(TEXTS, "question")
    assert again.opinions(TEXTS, "note") == small_model.opinions(TEXTS, "note")
    assert again.trained_on == sum(len(load_corpus(p)) for p in small_parts)
    assert cached.stat().st_mode & 0o777 == 0o644  # readable by the users of a shared cache


def test_the_cache_holds_arrays_only(
    small_parts: list[Path], tmp_path: Path, trainings: list[list[Path]]
) -> None:
    import numpy as np

    model.load_or_train(small_parts, tmp_path)
    (cached,) = tmp_path.glob("guard-classifier-*.npz")
    with np.load(cached, allow_pickle=False) as arrays:  # raises on any pickled object
        assert {arrays[k].dtype.kind for k in arrays.files} <= {"f", "i", "U"}
        assert arrays["categories"].tolist() == [c.value for c in Category]


def test_a_changed_corpus_has_another_key(small_parts: list[Path], tmp_path: Path) -> None:
    for part in small_parts:
        (tmp_path / part.name).write_bytes(part.read_bytes())
    copies = sorted(tmp_path.glob("*.tsv"))
    before = model.cache_key(copies)
    assert model.cache_key(small_parts) == before  # names and bytes, not where they are
    with copies[0].open("a", encoding="utf-8") as f:
        f.write("note\ten\timmigration_status\tTiene su estatus en trámite.\n")
    assert model.cache_key(copies) != before


def test_a_model_unused_for_a_month_is_removed_when_another_is_written(
    small_parts: list[Path], tmp_path: Path, trainings: list[list[Path]]
) -> None:
    old = tmp_path / "guard-classifier-0123456789abcdef.npz"
    recent = tmp_path / "guard-classifier-fedcba9876543210.npz"  # another install's
    old.write_bytes(b"x")
    recent.write_bytes(b"x")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    model.load_or_train(small_parts, tmp_path)
    assert not old.exists()
    assert recent.exists()
    assert len(list(tmp_path.glob("guard-classifier-*.npz"))) == 2


def test_a_damaged_cache_file_is_trained_again_and_replaced(
    small_parts: list[Path],
    tmp_path: Path,
    trainings: list[list[Path]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / f"guard-classifier-{model.cache_key(small_parts)}.npz"
    path.write_bytes(b"PK\x03\x04 not a zip at all")
    model.load_or_train(small_parts, tmp_path)
    assert len(trainings) == 1
    assert "cannot be read" in caplog.text
    model.load_or_train(small_parts, tmp_path)  # the replacement is read, not retrained
    assert len(trainings) == 1


def test_a_model_for_other_categories_is_refused(
    small_model: model.Classifier,
) -> None:
    arrays = small_model.to_arrays()
    arrays["categories"] = arrays["categories"][::-1]
    with pytest.raises(ValueError, match="other categories"):
        model.Classifier.from_arrays(arrays)
    arrays = small_model.to_arrays()
    arrays["weights"] = arrays["weights"].astype(str)
    with pytest.raises(ValueError, match="finite numbers"):
        model.Classifier.from_arrays(arrays)


def test_a_cache_file_others_may_write_is_not_read(
    small_parts: list[Path], tmp_path: Path, trainings: list[list[Path]]
) -> None:
    model.load_or_train(small_parts, tmp_path)
    (cached,) = tmp_path.glob("guard-classifier-*.npz")
    cached.chmod(0o666)
    model.load_or_train(small_parts, tmp_path)
    assert len(trainings) == 2


def test_a_cache_that_cannot_be_written_still_gives_the_model(
    small_parts: list[Path], small_model: model.Classifier, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "train", lambda parts: small_model)
        got = model.load_or_train(small_parts, blocked / "cache")
    assert got is small_model
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PSEPA_CACHE_DIR", "off")
    assert model.cache_dir() is None
    monkeypatch.setenv("PSEPA_CACHE_DIR", str(tmp_path))
    assert model.cache_dir() == tmp_path
    monkeypatch.delenv("PSEPA_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert model.cache_dir() == tmp_path / "xdg" / "psepa"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert model.cache_dir() == tmp_path / "home" / ".cache" / "psepa"
    monkeypatch.delenv("XDG_CACHE_HOME")

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)  # a container's user with no home
    assert model.cache_dir() is None


def test_training_twice_gives_the_same_opinions() -> None:
    texts = ["¿Cuánto tiempo lleva en este país?", "Llegó en 2018 sin papeles", "Parcel number"]
    first = model.train(model.training_parts()).opinions(texts, "question")
    assert first == model.shared().opinions(texts, "question")


def test_it_learns_most_of_what_the_lexicon_misses_in_its_training_data() -> None:
    missed = [
        ex
        for part in model.training_parts()
        for ex in load_corpus(part)
        if ex.labels
        and ex.kind != "value"
        and not {h.category for h in MATCHER.find(ex.text, identifier=ex.kind == "column")}
    ]
    assert len(missed) >= 50
    caught = [ex for ex in missed if {h.category for h in detect(ex.text, ex.kind)} & ex.labels]
    assert len(caught) >= 0.8 * len(missed)


def test_every_opinion_is_a_probability_for_every_category() -> None:
    (opinions,) = model.shared().opinions(["país de origen del padre"], "column")
    assert {o.category for o in opinions} == set(Category)
    assert all(0.0 <= o.probability <= 1.0 for o in opinions)
    assert [o.probability for o in opinions] == sorted(
        (o.probability for o in opinions), reverse=True
    )


def test_a_classifier_hit_names_no_phrase_and_carries_its_confidence() -> None:
    text = "¿Está aquí de forma legal?"
    assert MATCHER.find(text) == ()
    hits = detect(text, "question")
    assert hits, "the corpus teaches that being here lawfully is a status"
    for hit in hits:
        assert hit.by == "classifier" and hit.phrase == ""
        assert hit.confidence is not None and THRESHOLD <= hit.confidence <= 1.0
    assert detect(text, "question", classifier=False) == ()


def test_the_lexicons_hits_come_first_and_are_never_repeated_by_the_classifier() -> None:
    hits = detect("What is your immigration status?", "question")
    assert hits[0].by == "lexicon" and hits[0].category is Category.STATUS
    assert len({h.category for h in hits}) == len(hits)


def test_a_category_the_guide_gives_alone_gets_no_second_guess_from_the_classifier() -> None:
    nationality = (Hit(Category.CITIZENSHIP, "honduran national"),)
    sure = ((Category.NATIONAL_ORIGIN, 0.99), (Category.STATUS, 0.95))
    # a named nationality is not also an origin; the status guess still stands
    got = combine("Client is a Honduran national.", "note", nationality, sure)
    assert {h.category for h in got} == {Category.CITIZENSHIP, Category.STATUS}
    green_card = (Hit(Category.GREEN_CARD, "i 485"),)
    got = combine("Client's I-485 is pending.", "note", green_card, sure)
    assert {h.category for h in got} == {Category.GREEN_CARD, Category.NATIONAL_ORIGIN}
    # without the lexicon's reading, the classifier's guesses are taken as before
    got = combine("Client's paperwork is pending.", "note", (), sure)
    assert {h.category for h in got} == {Category.NATIONAL_ORIGIN, Category.STATUS}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We will never ask about your immigration status or where you were born.", "question"),
        ("Nunca preguntamos por su estatus migratorio ni su país de origen.", "note"),
        ("Country of the vehicle's registration", "question"),
        ("nationality_of_vessel", "column"),
    ],
)
def test_what_the_lexicon_explains_away_the_classifier_cannot_flag(text: str, kind: str) -> None:
    assert MATCHER.explains_away(text, identifier=kind == "column")
    assert detect(text, kind) == ()


@pytest.mark.parametrize("text", ["{{ b[1] }}", "x", "12-4", "${case.id}"])
def test_slots_and_codes_are_never_guessed_at(text: str) -> None:
    assert detect(text, "question") == ()


def test_a_batch_gives_what_each_text_gives_alone() -> None:
    texts = [
        "¿Está aquí de forma legal?",
        "Name",
        "¿Es usted ciudadano?",
        "¿Está aquí de forma legal?",
        "phone",
    ]
    assert detect_many(texts, "note") == [detect(t, "note") for t in texts]


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind 'label'"):
        detect("Name", "label")


def test_a_scan_reports_a_classifier_finding_as_a_guess_to_check(tmp_path: Path) -> None:
    form = tmp_path / "apply.html"
    form.write_text("<form><label>Llegó a este país en el año:</label><label>Name</label></form>")
    assert MATCHER.find("Llegó a este país en el año:") == ()
    report = scan([form], on=LAW_2025, root=tmp_path)
    guesses = [f for f in report.findings if f.found_by == "classifier"]
    assert guesses and all(f.blocking for f in guesses)
    assert all(f.confidence is not None and "classifier" in f.message() for f in guesses)
    assert scan([form], on=LAW_2025, root=tmp_path, classifier=False).findings == []

    sarif = guard("scan", str(form), "--on", "2025-06-01", "--format", "sarif", cwd=tmp_path)
    assert sarif.returncode == 1
    result = json.loads(sarif.stdout)["runs"][0]["results"][0]
    assert result["properties"]["foundBy"] == "classifier"
    assert result["properties"]["confidence"] >= THRESHOLD
    table = guard("scan", str(form), "--on", "2025-06-01", cwd=tmp_path)
    assert "(classifier, " in table.stdout
    quiet = guard("scan", str(form), "--on", "2025-06-01", "--lexicon-only", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stdout


def test_check_says_what_found_each_category() -> None:
    said = guard("check", "¿Está aquí de forma legal?")
    assert said.returncode == 0 and "classifier" in said.stdout and "likely" in said.stdout
    exact = guard("check", "¿Está aquí de forma legal?", "--lexicon-only")
    assert exact.stdout.strip() == "nothing found"
    bad = guard("check", "Name", "--kind", "label")
    assert bad.returncode == 2 and "--kind 'label'" in bad.stderr


def test_values_of_a_coded_column_are_read_by_the_classifier_in_every_format(
    tmp_path: Path,
) -> None:
    rows = [("1", "Sin documentos"), ("2", "ninguno")] * 10
    csv_file = tmp_path / "clients.csv"
    csv_file.write_text("id,nota\n" + "".join(f"{a},{b}\n" for a, b in rows))
    json_file = tmp_path / "clients.json"
    json_file.write_text(json.dumps([{"id": a, "nota": b} for a, b in rows]))
    xlsx_file = write_xlsx(tmp_path / "clients.xlsx", [["id", "nota"], *map(list, rows)])
    assert MATCHER.find("Sin documentos") == ()
    for path in (csv_file, json_file, xlsx_file):
        report = scan([path], on=LAW_2025, root=tmp_path)
        (finding,) = report.findings
        assert finding.category is Category.STATUS and finding.found_by == "classifier"
        assert finding.count == 10, path.name
        assert scan([path], on=LAW_2025, root=tmp_path, classifier=False).findings == []
