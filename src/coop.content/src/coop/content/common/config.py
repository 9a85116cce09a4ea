"""The site's contract: ids of its folders, groups and types, and its limits.

coop.policy builds the site tree and the groups with these ids; the views,
services and rules of every package find them here, and the messages that
state a limit interpolate it.
"""

# Folders at the site root.
DIRECTORY_ID = "annuaire"
CONSULTATIONS_ID = "consultations"
AGENDA_ID = "agenda"
PROJECT_HOLDERS_ID = "porteurs-de-projet"
ABOUT_ID = "la-cooperative"
CONTACT_ID = "contact"
INTRANET_ID = "intranet"

# Folders of the intranet.
WORKSHOPS_ID = "ateliers"
APPOINTMENTS_ID = "rendez-vous"
RESOURCES_ID = "ressources"
QUESTIONS_ID = "questions"
PERSONAL_FILES_ID = "dossiers"

# Groups.
BUYERS_GROUP = "buyers"
COOPERATIVES_GROUP = "cooperatives"
MODERATORS_GROUP = "moderators"
ENTREPRENEURS_GROUP = "entrepreneurs"
COACHES_GROUP = "coaches"
PRESCRIBERS_GROUP = "prescribers"

# Content types.
COOPERATIVE_TYPE = "Cooperative"
CONSULTATION_TYPE = "Consultation"
PROJECT_HOLDER_TYPE = "ProjectHolder"
WORKSHOP_TYPE = "Workshop"
APPOINTMENT_TYPE = "Appointment"
RESOURCE_TYPE = "Resource"
QUESTION_TYPE = "Question"
PERSONAL_FILE_TYPE = "PersonalFile"
ACTIVITY_REPORT_TYPE = "ActivityReport"
EVENT_TYPE = "Event"

# Limits of a directory entry.
MAX_GOODS_SERVICES = 4
MAX_COMPETENCES = 10
MAX_COMPETENCE_LENGTH = 40
# A line of text (a name, a street, an address), a phone number, a paragraph.
MAX_ENTRY_LINE_LENGTH = 200
MAX_ENTRY_PHONE_LENGTH = 30
MAX_ENTRY_TEXT_LENGTH = 5000

# Limits of a consultation and of its answers.
MAX_RECIPIENTS = 500
MAX_ANSWER_MESSAGE_LENGTH = 5000

# Limits of a buyer's space.
MAX_FAVORITES = 500
MAX_SAVED_SEARCHES = 50
MAX_FAVORITE_COMMENT_LENGTH = 1000

# A moderator's or coach's comment on a transition, kept and mailed.
MAX_TRANSITION_COMMENT_LENGTH = 2000

# The pages a project holder page may hold.
MAX_PROJECT_HOLDER_PAGES = 3

# Uploads, in megabytes (MB bytes each).
MB = 1024 * 1024
MAX_LOGO_MB = 2
MAX_PLAQUE_MB = 10
MAX_DOCUMENT_MB = 10
MAX_IMAGE_MB = 5
MAX_IMPORT_MB = 5
