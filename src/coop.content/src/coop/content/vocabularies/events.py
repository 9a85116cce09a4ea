"""The kinds of public events and of the prescribers who register people."""

EVENT_KINDS = (
    ("information_collective", "Réunion d'information collective"),
    ("reunion_mensuelle", "Réunion mensuelle"),
    ("salon", "Salon ou foire"),
)

PRESCRIBER_KINDS = (
    ("plie", "PLIE"),
    ("mission_locale", "Mission locale"),
    ("france_travail", "France Travail"),
    ("espace_gestion", "Espace gestion"),
    ("ccas", "CCAS"),
    ("other", "Autre"),
)
