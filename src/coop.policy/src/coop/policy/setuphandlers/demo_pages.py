"""The pages of /la-cooperative in the demo content: (id, title, description, html).

They answer the questions that prescribers, institutions and project holders
ask the extranet. The text is content, in
French only, so it does not go through the message catalogs.
"""

PAGES = (
    (
        "paysage-de-la-creation",
        "La coopérative dans le paysage de la création d'activité",
        "Où se situe une coopérative d'activités et d'emploi parmi les dispositifs "
        "d'aide à la création d'entreprise ?",
        """
<p>Qui veut créer son activité en Haute-Savoie a le choix entre plusieurs
chemins. Il peut immatriculer seul une entreprise individuelle ou une
micro-entreprise, fonder une société, se faire accompagner par une boutique de
gestion, une plateforme d'initiative locale ou une chambre consulaire, tester
son projet dans une couveuse ou rejoindre un incubateur. Chacun de ces
dispositifs a ses atouts ; tous supposent, tôt ou tard, de porter seul le
risque juridique et financier de l'entreprise.</p>
<p>La coopérative d'activités et d'emploi (CAE) ouvre une autre voie :
entreprendre sans créer sa propre structure juridique. La personne développe
son activité au sein d'une entreprise coopérative qui existe déjà, qui lui
apporte son numéro SIRET, ses assurances, sa comptabilité et son cadre
juridique, et qui l'accompagne pas à pas. Elle teste son marché en grandeur
réelle, avec de vrais clients et de vraies factures, puis, lorsque son chiffre
d'affaires le permet, devient salariée de sa propre activité.</p>
<h2>Entre le test et la création</h2>
<p>La CAE n'est ni une couveuse, dont on sort au bout d'un temps limité, ni un
cabinet de conseil qui accompagne de l'extérieur. On peut y tester son projet,
puis y rester durablement : celui qui s'y installe devient entrepreneur-salarié,
puis associé de la coopérative. Il peut aussi la quitter pour créer sa propre
entreprise, avec une activité déjà éprouvée et une clientèle constituée.</p>
<h2>COOP'EMPLOI en Haute-Savoie</h2>
<p>Les premières coopératives d'activités sont nées à Lyon au milieu des années
1990. COOP'EMPLOI a ouvert ses portes le 1<sup>er</sup> juin 2016 au 1025,
ancienne route d'Annecy, à Seynod, au cœur d'un quartier prioritaire de la
politique de la ville. C'est la première coopérative d'activités et d'emploi du
réseau « Coopérer pour entreprendre » en Auvergne-Rhône-Alpes.</p>
<p>Elle s'adresse en priorité aux habitants des quartiers prioritaires de
l'agglomération d'Annecy, mais son territoire est tout le département : les
porteurs de projet d'Annemasse, du Chablais, de la vallée de l'Arve ou du
Genevois reçoivent le même accompagnement que ceux qui viennent à Seynod, grâce
aux sites de formation délocalisés et au centre de ressources en ligne.</p>
<p>COOP'EMPLOI travaille avec les autres acteurs de la création d'activité et
de l'emploi : France Travail, missions locales, PLIE, CCAS, réseaux de
financement et chambres consulaires. Elle ne les remplace pas ; elle complète
leur offre pour les personnes qui veulent créer leur emploi sans en porter
seules tous les risques.</p>
""",
    ),
    (
        "a-quoi-et-a-qui-sert-elle",
        "À quoi et à qui sert la coopérative ?",
        "Tester son activité en grandeur réelle et créer son propre emploi, "
        "en toute sécurité.",
        """
<p>COOP'EMPLOI aide les porteurs de projet du département à développer une
activité économique pérenne, qui crée leur propre emploi, à partir du test de
cette activité en grandeur réelle.</p>
<h2>À quoi sert-elle ?</h2>
<ul>
<li><strong>Tester son projet sans risque</strong> : pas d'immatriculation, pas
de capital à apporter, pas de frais de création. La coopérative porte
juridiquement l'activité pendant que l'entrepreneur en vérifie la
viabilité.</li>
<li><strong>Conserver ses droits</strong> : pendant la phase de test, le
porteur de projet garde son statut et ses droits, comme les allocations
chômage ou le revenu de solidarité active, tout en commençant à facturer.</li>
<li><strong>Se libérer des tâches administratives</strong> : facturation,
comptabilité, déclarations fiscales et sociales, assurance de responsabilité
civile professionnelle sont prises en charge par la coopérative.</li>
<li><strong>Apprendre le métier d'entrepreneur</strong> : gestion, démarche
commerciale et organisation de la production s'apprennent en les pratiquant,
avec l'appui des accompagnateurs.</li>
<li><strong>Ne pas rester seul</strong> : la coopérative est un collectif
d'entrepreneurs qui échangent, se conseillent, travaillent parfois ensemble et
se recommandent les uns les autres à leurs clients.</li>
</ul>
<h2>À qui s'adresse-t-elle ?</h2>
<p>À toute personne qui a une idée d'activité et l'envie de devenir son propre
employeur : demandeurs d'emploi, allocataires de minima sociaux, salariés en
reconversion, jeunes diplômés. Aucun diplôme n'est exigé ; ce qui compte, c'est
la motivation, un savoir-faire et un projet qui peut trouver ses clients.</p>
<p>Elle s'adresse aussi à ceux qui orientent ces personnes : conseillers de
France Travail et des missions locales, référents des PLIE et des CCAS,
espaces gestion, travailleurs sociaux. Pour eux, la coopérative est une
solution concrète pour des publics qui hésitent à créer une entreprise, en
particulier dans les quartiers où un échec coûte plus cher qu'ailleurs.</p>
<p>Elle sert enfin le territoire : chaque activité qui réussit est un emploi
créé en Haute-Savoie, un service de proximité de plus et un tissu économique
plus solidaire.</p>
""",
    ),
    (
        "cadre-juridique-et-statut",
        "Cadre juridique et statut de l'entrepreneur-salarié",
        "Contrat d'appui au projet d'entreprise, contrat d'entrepreneur salarié "
        "associé : ce que prévoit la loi.",
        """
<p>Les coopératives d'activités et d'emploi sont reconnues par la loi du
31 juillet 2014 relative à l'économie sociale et solidaire, qui a inscrit le
statut d'entrepreneur salarié associé dans le Code du travail (articles
L.7331-1 et suivants). COOP'EMPLOI est une société coopérative : ses associés
sont d'abord ceux qui y travaillent, et chacun y dispose d'une voix, quel que
soit le capital qu'il détient.</p>
<h2>Une seule entreprise, plusieurs activités</h2>
<p>Juridiquement, il n'existe qu'une entreprise : la coopérative. Chaque
entrepreneur y développe son activité de façon autonome, sous sa propre marque
s'il le souhaite, mais les factures sont émises au nom de la coopérative, qui
encaisse le chiffre d'affaires, règle les dépenses de l'activité, tient la
comptabilité et remplit les obligations fiscales et sociales. Chaque activité
a son propre compte analytique : l'entrepreneur sait à tout moment où il en
est.</p>
<h2>Première étape : le contrat d'appui au projet d'entreprise (CAPE)</h2>
<p>Pendant la phase de test, le porteur de projet signe un contrat d'appui au
projet d'entreprise, prévu par les articles L.127-1 et suivants du Code de
commerce. Conclu pour douze mois au plus, il peut être renouvelé deux fois. Le
porteur de projet n'est pas encore salarié : il conserve son statut antérieur
et les droits qui s'y rattachent, par exemple ses allocations chômage ou le
RSA. La coopérative met ses moyens à sa disposition, l'accompagne et le couvre
contre les accidents du travail.</p>
<h2>Deuxième étape : le contrat d'entrepreneur salarié associé (CESA)</h2>
<p>Lorsque le chiffre d'affaires permet de dégager une rémunération,
l'entrepreneur signe un contrat d'entrepreneur salarié associé. Il devient
alors <strong>entrepreneur-salarié</strong> : il reçoit un bulletin de paie,
cotise au régime général de la sécurité sociale, à l'assurance chômage et à la
retraite complémentaire, bénéficie de la complémentaire santé et de la
formation professionnelle, comme tout salarié. Son salaire est calculé à
partir du chiffre d'affaires de son activité, diminué des charges de cette
activité et de sa contribution aux services mutualisés de la coopérative.</p>
<p>Le contrat fixe les objectifs d'activité, les moyens mis à disposition, le
mode de calcul de la contribution et les conditions dans lesquelles
l'entrepreneur devient associé : il dispose pour cela de trois ans au plus à
compter de la signature.</p>
<h2>Troisième étape : devenir associé</h2>
<p>En devenant associé, l'entrepreneur-salarié prend part aux décisions : il
vote en assemblée générale selon le principe « une personne, une voix » et
contribue aux orientations de l'entreprise qu'il partage avec les autres
entrepreneurs. Il est à la fois entrepreneur de son activité, salarié et
copropriétaire de la coopérative.</p>
""",
    ),
    (
        "activites-accueillies",
        "Les activités accueillies",
        "Services, artisanat, commerce, numérique : quelles activités peut-on "
        "développer dans la coopérative ?",
        """
<p>COOP'EMPLOI est une coopérative multi-activités : elle accueille des projets
très différents, pourvu qu'ils puissent être exercés de façon autonome par la
personne qui les porte et qu'ils trouvent leur marché.</p>
<h2>Quelques exemples</h2>
<ul>
<li><strong>Services aux entreprises</strong> : conseil, formation,
secrétariat indépendant, traduction, communication, graphisme,
photographie.</li>
<li><strong>Numérique</strong> : création de sites Internet, développement,
infographie, assistance informatique. Les entrepreneurs de ce secteur peuvent
renvoyer depuis leur page de présentation vers leur propre site.</li>
<li><strong>Artisanat et métiers d'art</strong> : mobilier, ébénisterie,
couture, bijoux, céramique, restauration d'objets.</li>
<li><strong>Commerce</strong> : vente de créations ou de produits sur les
marchés, dans les salons et les foires, ou en ligne.</li>
<li><strong>Services aux particuliers</strong> : cours particuliers,
bien-être, animation, sport, lorsque l'activité ne relève pas d'une
réglementation que la coopérative ne peut pas porter.</li>
</ul>
<h2>Les activités que nous ne pouvons pas accueillir</h2>
<p>Certaines activités ne peuvent pas être exercées au sein de la coopérative :
les professions réglementées qui imposent un exercice en nom propre ou
l'inscription à un ordre, les activités qui demandent des investissements ou
des stocks trop importants pour être testées sans risque, et celles dont les
assurances obligatoires ne peuvent pas être souscrites par la coopérative.
Chaque projet est examiné lors de l'entretien d'accueil : en cas de doute,
venez en parler.</p>
<p>Les porteurs de projet accueillis présentent leur activité dans la rubrique
« Porteurs de projet » du site : une page pour chacun, et jusqu'à trois pages
pour ceux qui fabriquent ou vendent des produits.</p>
""",
    ),
    (
        "parcours-de-professionnalisation",
        "Le parcours de professionnalisation",
        "De la réunion d'information au sociétariat : les étapes du parcours dans "
        "la coopérative.",
        """
<p>Entreprendre est un métier qui s'apprend. À COOP'EMPLOI, on l'apprend en
exerçant son activité, avec des étapes claires et un accompagnement à chacune
d'elles.</p>
<ol>
<li><strong>La réunion d'information collective.</strong> Elle présente la
coopérative, son fonctionnement et ses conditions d'intégration. Les dates
sont publiées dans l'agenda du site ; on peut s'y inscrire soi-même ou y être
inscrit par son conseiller (France Travail, mission locale, PLIE, CCAS, espace
gestion).</li>
<li><strong>L'entretien d'accueil.</strong> Un accompagnateur étudie le projet
avec la personne : savoir-faire, marché visé, besoins de financement,
situation personnelle. Ensemble, ils vérifient que la coopérative est la bonne
solution.</li>
<li><strong>L'intégration.</strong> Le porteur de projet signe un contrat
d'appui au projet d'entreprise et une convention d'accompagnement qui fixe ses
objectifs. Il reçoit le livret du créateur et ses accès à l'intranet.</li>
<li><strong>Le test en grandeur réelle.</strong> Il prospecte, établit ses
devis, émet ses premières factures au nom de la coopérative, suit les ateliers
collectifs de formation et rencontre régulièrement son accompagnateur. Son
tableau de bord lui permet de suivre son activité mois après mois.</li>
<li><strong>Le salariat.</strong> Quand l'activité dégage un revenu suffisant,
il signe un contrat d'entrepreneur salarié associé et se verse un
salaire.</li>
<li><strong>Le sociétariat.</strong> Dans les trois ans, il entre au capital
de la coopérative et prend part à sa gouvernance.</li>
</ol>
<p>Le parcours n'est pas à sens unique : certains entrepreneurs choisissent de
quitter la coopérative pour créer leur propre entreprise, d'autres retrouvent
un emploi salarié grâce aux compétences acquises. Dans tous les cas,
l'expérience du test leur reste.</p>
<p>Tout au long du parcours, les réunions mensuelles rassemblent les
entrepreneurs de la coopérative : informations pratiques, témoignages,
échanges d'expérience et rencontres entre métiers différents.</p>
""",
    ),
    (
        "accompagnement",
        "Notre accompagnement",
        "Un accompagnement individuel et collectif, à Seynod ou à distance.",
        """
<p>L'accompagnement de COOP'EMPLOI associe un suivi individuel, des formations
collectives, l'entraide entre entrepreneurs et des outils en ligne. Il est
décrit dans la convention d'accompagnement signée à l'intégration.</p>
<h2>Un suivi individuel</h2>
<p>Chaque porteur de projet a un accompagnateur référent, qu'il rencontre lors
d'entretiens individuels réguliers. Ces rendez-vous servent à faire le point
sur l'activité, à fixer les prochaines étapes, à préparer un devis ou un
rendez-vous commercial, à lire ensemble le tableau de bord. Les dates des
entretiens sont consultables dans l'intranet.</p>
<h2>Des ateliers collectifs de formation</h2>
<p>Des ateliers thématiques ont lieu tout au long de l'année : gestion et
lecture des comptes, calcul du prix de revient, démarche commerciale,
communication et réseaux sociaux, obligations juridiques, organisation de la
production. On s'y inscrit depuis l'intranet, et l'on peut se réinscrire à un
atelier manqué.</p>
<h2>Un collectif d'entrepreneurs</h2>
<p>Les réunions mensuelles, l'espace de questions et réponses de l'intranet et
les projets menés en commun permettent aux entrepreneurs de s'entraider : un
graphiste dessine le logo d'une couturière, un formateur partage son carnet
d'adresses, chacun apporte son expérience.</p>
<h2>Des outils en ligne</h2>
<p>Le centre de ressources en ligne rassemble les outils de formation de la
coopérative (contenus et exercices en gestion, commercial et production), une
documentation sur la création et la gestion d'entreprise classée par secteur
d'activité, et les modèles mis au point par l'équipe : livret du créateur,
modèle de suivi d'activité, tableau de bord. Chaque porteur de projet y
retrouve son dossier personnel et peut y proposer ses propres documents, que
les accompagnateurs valident avant de les partager.</p>
<p>Ces outils donnent aux porteurs de projet éloignés de Seynod le même niveau
d'information qu'à ceux qui viennent dans nos locaux.</p>
<h2>Des services mutualisés</h2>
<p>La coopérative prend en charge la facturation, la comptabilité, la paie,
les déclarations fiscales et sociales et l'assurance de responsabilité civile
professionnelle. L'entrepreneur consacre ainsi son temps à son métier et à ses
clients.</p>
""",
    ),
    (
        "accompagnateurs",
        "Les accompagnateurs",
        "Une équipe permanente de formateurs et d'accompagnateurs au service des "
        "porteurs de projet.",
        """
<p>L'équipe permanente de COOP'EMPLOI compte quatre accompagnateurs-formateurs.
Tous ont l'expérience de l'entreprise et de l'accompagnement à la création
d'activité, et leurs compétences se complètent : gestion et comptabilité,
développement commercial et communication, ingénierie de formation, insertion
professionnelle.</p>
<h2>Leur rôle</h2>
<ul>
<li>accueillir les porteurs de projet et étudier avec eux la faisabilité de
leur projet ;</li>
<li>suivre chaque entrepreneur, de l'intégration au sociétariat ;</li>
<li>concevoir et animer les ateliers collectifs de formation ;</li>
<li>tenir à jour le kit de formation (déroulés, supports pédagogiques, outils
d'évaluation) et le centre de ressources ;</li>
<li>valider les documents que les porteurs de projet proposent de
partager ;</li>
<li>travailler avec les prescripteurs et les partenaires du territoire.</li>
</ul>
<h2>Leur posture</h2>
<p>Un accompagnateur ne fait pas à la place de l'entrepreneur : il l'aide à
décider en connaissance de cause, lui apporte des méthodes et des outils, et
lui dit franchement ce qu'il pense de son projet. Le but est l'autonomie : que
chaque entrepreneur sache piloter lui-même son activité.</p>
<p>Les accompagnateurs interviennent à Seynod et dans les sites de formation
délocalisés du département ; ils répondent aussi aux questions posées dans
l'intranet. Ils confrontent régulièrement leurs pratiques à celles des autres
coopératives du réseau « Coopérer pour entreprendre ».</p>
""",
    ),
    (
        "nos-reseaux",
        "Nos réseaux : les Scop et Coopérer pour entreprendre",
        "COOP'EMPLOI appartient au mouvement des Scop et au réseau national de "
        "coopératives d'activités et d'emploi « Coopérer pour entreprendre ».",
        """
<p>Une coopérative d'activités et d'emploi n'est jamais isolée. COOP'EMPLOI
appartient à deux réseaux qui lui apportent leurs valeurs, leurs méthodes et
des partenaires dans toute la France.</p>
<h2>Le mouvement des Scop</h2>
<p>COOP'EMPLOI adhère au mouvement des Scop par l'union régionale
d'Auvergne-Rhône-Alpes, membre de la Confédération générale des Scop. Les
sociétés coopératives et participatives partagent des principes simples : les
salariés sont les associés majoritaires, chaque associé dispose d'une voix
quel que soit son apport en capital, une part importante des bénéfices est
mise en réserve pour consolider l'entreprise et une autre est partagée entre
ceux qui y travaillent.</p>
<p>Le mouvement apporte à la coopérative un appui juridique, des formations
pour ses dirigeants et ses associés, des outils de financement, et la révision
coopérative qui vérifie régulièrement le respect de ces principes.</p>
<h2>Coopérer pour entreprendre</h2>
<p>Coopérer pour entreprendre est un réseau national de coopératives
d'activités et d'emploi qui partagent une même conception de l'entrepreneuriat :
entreprendre pour soi, mais dans un cadre collectif, avec la perspective de
devenir salarié et associé de son entreprise. Ses membres échangent leurs
pratiques d'accompagnement, construisent ensemble outils et formations, et
représentent les CAE auprès des pouvoirs publics.</p>
<p>COOP'EMPLOI est la première coopérative du réseau en Auvergne-Rhône-Alpes.
Elle profite de l'expérience de coopératives installées depuis longtemps dans
d'autres régions et contribue à son tour à faire connaître ce modèle aux
prescripteurs, aux institutions et aux porteurs de projet haut-savoyards, pour
qui la coopérative d'activités et d'emploi est encore une structure
nouvelle.</p>
<p>Pour en savoir plus : <a href="https://www.cooperer.coop/">le site du réseau
Coopérer pour entreprendre</a> et <a href="https://www.les-scop.coop/">le site
des Scop</a>.</p>
""",
    ),
)
