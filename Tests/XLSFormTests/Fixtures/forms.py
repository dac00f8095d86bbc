"""Writes the XLSForm fixtures of XLSFormTests with openpyxl, as a form author would.

python3 forms.py FOLDER writes FOLDER/every-type.xlsx (each type bilan converts, in French and
English), FOLDER/no-survey.xlsx, FOLDER/unknown-type.xlsx and FOLDER/bad-relevant.xlsx.
"""
import sys
import openpyxl

FR, EN = "label::French (fr)", "label::English (en)"
HEADER = ["type", "name", FR, EN, "hint::French (fr)", "hint::English (en)", "required", "relevant",
          "constraint", "constraint_message::French (fr)", "constraint_message::English (en)",
          "appearance", "repeat_count", "calculation", "parameters", "media::image"]


def row(type_, name="", fr="", en="", **columns):
    values = dict(zip(HEADER, [type_, name, fr, en] + [""] * (len(HEADER) - 4)))
    for key, value in columns.items():
        values[{"hint_fr": "hint::French (fr)", "hint_en": "hint::English (en)",
                "message_fr": "constraint_message::French (fr)", "message_en": "constraint_message::English (en)",
                "image": "media::image", "repeat": "repeat_count"}.get(key, key)] = value
    return [values[column] for column in HEADER]


def workbook(survey, choices, settings=True):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(HEADER)
    for r in survey:
        sheet.append(r)
    if choices is not None:
        sheet = book.create_sheet("choices")
        sheet.append(["list_name", "name", FR, EN])
        for r in choices:
            sheet.append(r)
    if settings:
        sheet = book.create_sheet("settings")
        sheet.append(["form_title", "form_id", "version", "default_language"])
        sheet.append(["Atelier mobilité", "atelier_mobilite", 3, "French (fr)"])
    return book


CHOICES = [
    ["roles", "elu", "Élu(e)", "Elected official"],
    ["roles", "agent", "Agent", "Staff member"],
    ["roles", "autre", "Autre", "Other"],
    ["themes", "transport", "Transport", "Transport"],
    ["themes", "logement", "Logement", "Housing"],
    ["themes", "aucun", "Aucun", "None"],
    ["accord", "1", "Pas du tout d'accord", "Strongly disagree"],
    ["accord", "2", "2", "2"],
    ["accord", "3", "3", "3"],
    ["accord", "4", "4", "4"],
    ["accord", "5", "Tout à fait d'accord", "Strongly agree"],
    ["ateliers", "matin", "Atelier du matin", "Morning workshop"],
    ["ateliers", "apres_midi", "Atelier de l'après-midi", "Afternoon workshop"],
    ["yes_no", "yes", "Oui", "Yes"],
    ["yes_no", "no", "Non", "No"],
]

EVERY_TYPE = [
    row("begin_group", "profil", "Votre profil", "About you"),                                            # 2
    row("note", "bienvenue", "Merci de votre participation.", "Thank you for taking part."),               # 3
    row("select_one roles", "role", "Votre rôle ?", "Your role?", required="yes"),                          # 4
    row("integer", "age", "Votre âge ?", "Your age?", constraint=". >= 18 and . <= 99",
        message_fr="Entre 18 et 99 ans", message_en="Between 18 and 99"),                                   # 5
    row("decimal", "distance", "Distance parcourue (km) ?", "Distance travelled (km)?",
        relevant="${role} = 'elu' or ${role} = 'agent'"),                                                   # 6
    row("geopoint", "lieu", "Où êtes-vous ?", "Where are you?"),                                            # 7
    row("end_group"),                                                                                       # 8
    row("begin_group", "journee", "La journée", "The day"),                                                 # 9
    row("select_one accord", "satisfaction", "Satisfait(e) ?", "Satisfied?", appearance="likert",
        hint_fr="De 1 à 5.", hint_en="From 1 to 5."),                                                       # 10
    row("select_multiple themes or_other", "themes", "Thèmes ?", "Themes?",
        constraint="not(selected(., 'aucun') and count-selected(.) > 1)",
        relevant="${satisfaction} >= 3 and not(${role} = 'autre')"),                                       # 11
    row("text", "pourquoi", "Pourquoi ?", "Why?", relevant="selected(${themes}, 'transport')",
        constraint="string-length(.) <= 200", image="photo.png"),                                           # 12
    row("rank themes", "priorites", "Classez les thèmes", "Rank the themes"),                               # 13
    row("calculate", "score", calculation="${satisfaction} * 2"),                                           # 14
    row("select_one yes_no", "suivi", "Être recontacté(e) ?", "Be contacted again?"),                       # 15
    row("text", "commentaire", "Un commentaire ?", "A comment?", appearance="multiline",
        relevant="${suivi} = 'yes'"),                                                                       # 16
    row("end_group"),                                                                                       # 17
    row("begin_repeat", "ateliers", "Les ateliers : ${atelier_nom}", "The workshops: ${atelier_nom}",
        repeat="count(instance('ateliers')/root/item)"),                                                    # 18
    row("calculate", "atelier_nom",
        calculation="jr:itext(instance('ateliers')/root/item[position() = position(current()/..)]/itextId)"),  # 19
    row("select_one accord", "utilite", "Utilité de ${atelier_nom} ?", "Usefulness of ${atelier_nom}?",
        appearance="likert"),                                                                               # 20
    row("text", "idee", "Une idée retenue ?", "One idea you keep?", relevant="${utilite} > 3"),             # 21
    row("end_repeat"),                                                                                      # 22
]

folder = sys.argv[1]
workbook(EVERY_TYPE, CHOICES).save(f"{folder}/every-type.xlsx")

book = workbook(EVERY_TYPE, CHOICES)
book["survey"].title = "questions"
book.save(f"{folder}/no-survey.xlsx")

workbook(EVERY_TYPE[:3] + [row("slect_one roles", "role2", "Rôle ?", "Role?")] + EVERY_TYPE[3:],
         CHOICES).save(f"{folder}/unknown-type.xlsx")

workbook(EVERY_TYPE[:5] + [row("text", "bad", "Mal ?", "Bad?", relevant="${role} = = 'elu'"),
                           row("text", "later", "Plus tard ?", "Later?", relevant="${nowhere} = 'x'")]
         + EVERY_TYPE[5:], CHOICES).save(f"{folder}/bad-relevant.xlsx")
