"""The legal forms a member of the cooperative directory can have."""

LEGAL_FORMS = (
    ("scop_sa", "Scop SA"),
    ("scop_sarl", "Scop SARL"),
    ("scop_sas", "Scop SAS"),
    ("scic_sa", "Scic SA"),
    ("scic_sarl", "Scic SARL"),
    ("scic_sas", "Scic SAS"),
    ("cae", "Coopérative d'activités et d'emploi (CAE)"),
    ("cooperative_artisans", "Coopérative d'artisans"),
    ("cooperative_commercants", "Coopérative de commerçants"),
    ("cooperative_agricole", "Coopérative agricole"),
    ("cooperative_consommateurs", "Coopérative de consommateurs"),
    ("cooperative_habitants", "Coopérative d'habitants"),
    ("association", "Association"),
    ("autre", "Autre forme de l'économie sociale et solidaire"),
)
