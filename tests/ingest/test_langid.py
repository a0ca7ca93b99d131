import pytest

from pipeline.ingest.langid import describe, detect


@pytest.mark.parametrize("text, expected", [
    ("Делегация Омской области посетила Павлодар и обсудила торговлю.", "ru"),
    ("Губернатор встретился с акимом. Статья опубликована в журнале «Journal of Eurasian Studies» "
     "(Vol. 5, No. 2).", "ru"),
    ("Аким Қостанай облысы встретился с губернатором Челябинской области и обсудил поставки зерна.", "ru"),
    ("Улан-Батор, Дархан, Эрдэнэт и Чойбалсан вошли в список городов-партнёров Иркутска.", "ru"),
    ("The delegation of Omsk region visited Pavlodar to discuss trade.", "en"),
    ("Облыс әкімі көршілес өңірдің губернаторымен кездесіп, сауда және білім саласындағы "
     "ынтымақтастықты талқылады.", "kk"),
    ("Делегація Омської області відвідала Павлодар і обговорила співпрацю в галузі освіти.", "uk"),
    ("Дэлегацыя Омскай вобласці наведала Паўладар і абмеркавала супрацоўніцтва.", "be"),
    # languages a letter count took for Russian or for Kazakh
    ("Аймгийн засаг дарга хөрш бүс нутгийн захирагчтай уулзаж, худалдаа, боловсролын "
     "хамтын ажиллагааг хэлэлцэв.", "mn"),
    ("Делегацията на областта посети съседния град и обсъди търговията и образованието.", "bg"),
    ("Делегација области посетила је суседни град и разговарала о трговини и образовању.", "sr"),
    ("Облустун делегациясы коңшу шаарга келип, соода жана билим берүү тармагындагы "
     "кызматташтыкты талкуулады.", "ky"),
    ("Өлкә делегациясе күрше шәһәргә килеп, сәүдә һәм мәгариф өлкәсендәге хезмәттәшлекне тикшерде.", "tt"),
    ("12345 67 -- 89", "und"),
])
def test_detect(text, expected):
    assert detect(text) == expected


@pytest.mark.parametrize("language, name", [("kk", "Kazakh"), ("mn", "Mongolian"), ("ky", "Kyrgyz"),
                                            ("tt", "Tatar"), ("bg", "Bulgarian"), ("sr", "Serbian")])
def test_describe_names_the_language(language, name):
    assert describe(language).startswith(f"not Russian: {name} ({language})")


def varied_texts() -> list:
    import json
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "corpus" / "annotated" / "documents"
    return [json.loads(line)["text"] for path in sorted(folder.glob("*.jsonl"))
            for line in path.read_text("utf-8").splitlines()]


def test_texts_plainly_russian_by_their_letters_are_russian_to_the_model():
    from pipeline.ingest.langid import NOT_CYRILLIC, NOT_LETTERS, SAMPLE, identifier, plainly_russian
    plain = 0
    for text in varied_texts():
        found = NOT_LETTERS.sub("", text[:SAMPLE].lower())
        if plainly_russian(found, NOT_CYRILLIC.sub("", found)):
            plain += 1
            assert identifier().classify(text[:SAMPLE])[0] in {"ru", "bg", "sr", "mk"}, text[:80]
    assert plain > 300  # most of the corpus is settled without the model


@pytest.mark.parametrize("text_in, expected", [
    ("Делегаты Омской области были в Павлодаре и обсудили вопросы экспорта.", True),
    ("Аким Қостанай облысы встретился с губернатором.", False),        # a Kazakh letter: the model decides
    ("Делегація Омської області відвідала Павлодар.", False),           # Ukrainian letters
    ("Дэлегацыя Омскай вобласці наведала Паўладар.", False),            # Belarusian і and ў
    ("Делегацията на областта посети съседния град.", False),           # no ы or э: Bulgarian
    # a short dispatch of names and numbers: few ы/э, yet some, and no ъ
    ("Кызылорда, 14 мая 2025 г. Аким Кызылординской области и губернатор Астраханской области "
     "провели переговоры в Астрахани о поставках риса и рыбы.", True),
    ("Оренбург, 3 июня 2024 г. На площади Ленина прошёл праздник Сабантуй.", True),  # ё alone
    # a Russian article quoting a Kazakh name: three letters of its ~350
    ("Делегация Омской области побывала в Павлодаре, где обсудила с акиматом поставки зерна "
     "и проекты в сфере образования. Аким области встретился с гостями в здании акимата, "
     "затем делегаты посетили колледж имени Әлкей Марғұлан и завод на окраине города; стороны "
     "договорились продолжить работу рабочих групп и подготовить план на следующий год. "
     "Следующее заседание межрегиональной комиссии пройдёт осенью в Омске.", True),
    # Bulgarian on Russia: an "ы" of a Russian name, but "ъ" everywhere
    ("Губернаторът на Крым заяви, че съвместните проекти с българските общини са в застой.", False),
    ("Omsk region signed a memorandum with Pavlodar region on trade.", False),
])
def test_plainly_russian(text_in, expected):
    from pipeline.ingest.langid import NOT_CYRILLIC, NOT_LETTERS, plainly_russian
    found = NOT_LETTERS.sub("", text_in.lower())
    assert plainly_russian(found, NOT_CYRILLIC.sub("", found)) is expected
