package corpus

// The vocabulary of the corpus: areas, topics and countries, each with its
// words in French, Arabic and English. The words are written as the work
// plan writes them, so that pages, titles and feeds have realistic lengths
// and scripts (Arabic text in the Arabic files).

// tri is a phrase in each corpus language.
type tri struct{ fr, ar, en string }

// in returns the phrase in lang.
func (t tri) in(lang string) string {
	switch lang {
	case "fr":
		return t.fr
	case "ar":
		return t.ar
	}
	return t.en
}

// topic is a subject activities are about; slug starts their ids.
type topic struct {
	slug string
	name tri // a noun phrase, with its article in French
}

type areaDef struct {
	id         string
	title      tri
	short      tri
	summary    tri
	objectives []tri
	topics     []topic
}

var areaDefs = []areaDef{
	{
		id:      "labour-market-information",
		title:   tri{"Information sur le marché du travail", "معلومات سوق العمل", "Labour market information"},
		short:   tri{"Marché du travail", "سوق العمل", "Labour market"},
		summary: tri{"Des systèmes d'information sur le marché du travail plus solides.", "نظم أقوى لمعلومات سوق العمل.", "Stronger labour market information systems."},
		objectives: []tri{
			{"Améliorer la collecte des données.", "تحسين جمع البيانات.", "Improve data collection."},
			{"Partager les méthodes d'analyse.", "تبادل مناهج التحليل.", "Share analysis methods."},
		},
		topics: []topic{
			{"lmis", tri{"les systèmes d'information sur le marché du travail", "نظم معلومات سوق العمل", "labour market information systems"}},
			{"observatories", tri{"les observatoires du marché du travail", "مراصد سوق العمل", "labour market observatories"}},
			{"statistics", tri{"les méthodes statistiques de l'emploi", "الأساليب الإحصائية للتشغيل", "employment statistics methods"}},
		},
	},
	{
		id:      "youth-neet",
		title:   tri{"Jeunes NEET", "الشباب من فئة NEET", "Youth NEET"},
		short:   tri{"Jeunes NEET", "فئة NEET", "Youth NEET"},
		summary: tri{"L'insertion économique des jeunes sans emploi, études ni formation.", "الإدماج الاقتصادي للشباب غير الملتحقين بالعمل أو التعليم أو التدريب.", "Economic inclusion of young people not in employment, education or training."},
		objectives: []tri{
			{"Combler le fossé entre formation et emploi.", "سدّ الفجوة بين التدريب والتشغيل.", "Bridge the gap between training and work."},
			{"Accompagner les jeunes vers un premier emploi.", "مرافقة الشباب نحو أول وظيفة.", "Guide young people to a first job."},
		},
		topics: []topic{
			{"neet-guidance", tri{"l'orientation des jeunes NEET", "توجيه الشباب من فئة NEET", "guidance for young NEETs"}},
			{"job-readiness", tri{"la préparation à l'emploi", "الاستعداد لسوق العمل", "job readiness"}},
			{"mentoring", tri{"le mentorat des jeunes", "التوجيه الفردي للشباب", "youth mentoring"}},
		},
	},
	{
		id:      "entrepreneurship",
		title:   tri{"Entrepreneuriat", "ريادة الأعمال", "Entrepreneurship"},
		short:   tri{"Entrepreneuriat", "ريادة الأعمال", "Entrepreneurship"},
		summary: tri{"La création d'entreprises comme voie vers l'emploi.", "إنشاء المقاولات سبيلًا إلى التشغيل.", "Business creation as a path to employment."},
		objectives: []tri{
			{"Soutenir les créateurs d'entreprise.", "دعم منشئي المقاولات.", "Support business founders."},
			{"Renforcer les écosystèmes entrepreneuriaux.", "تعزيز منظومات ريادة الأعمال.", "Strengthen entrepreneurial ecosystems."},
		},
		topics: []topic{
			{"business-creation", tri{"la création d'entreprises", "إنشاء المقاولات", "business creation"}},
			{"green-entrepreneurship", tri{"l'entrepreneuriat vert", "ريادة الأعمال الخضراء", "green entrepreneurship"}},
			{"ecosystems", tri{"les écosystèmes entrepreneuriaux", "منظومات ريادة الأعمال", "entrepreneurial ecosystems"}},
		},
	},
	{
		id:      "digital-technologies",
		title:   tri{"Technologies numériques", "التقنيات الرقمية", "Digital technologies"},
		short:   tri{"Numérique", "الرقمنة", "Digital"},
		summary: tri{"Le numérique au service des demandeurs d'emploi.", "التقنيات الرقمية في خدمة الباحثين عن عمل.", "Digital tools for jobseekers."},
		objectives: []tri{
			{"Développer les plateformes en ligne.", "تطوير المنصات الإلكترونية.", "Develop online platforms."},
			{"Former les conseillers aux outils numériques.", "تدريب المستشارين على الأدوات الرقمية.", "Train counsellors in digital tools."},
		},
		topics: []topic{
			{"digital-platforms", tri{"les plateformes numériques pour l'emploi", "المنصات الرقمية للتشغيل", "digital employment platforms"}},
			{"ai-matching", tri{"l'intelligence artificielle pour l'appariement", "الذكاء الاصطناعي للمواءمة بين العرض والطلب", "artificial intelligence for job matching"}},
			{"digital-skills", tri{"les compétences numériques", "المهارات الرقمية", "digital skills"}},
		},
	},
}

// texts returns the area's texts in every language.
func (a areaDef) texts() map[string]Text {
	out := map[string]Text{}
	for _, lang := range Langs {
		body := ""
		for _, o := range a.objectives {
			body += "- " + o.in(lang) + "\n"
		}
		out[lang] = Text{Title: a.title.in(lang), ShortTitle: a.short.in(lang), Summary: a.summary.in(lang), Body: body}
	}
	return out
}

// country is an OIC member state with a city that hosts activities.
type country struct{ code, city string }

var countries = []country{
	{"MA", "Rabat"}, {"TR", "Istanbul"}, {"AZ", "Baku"}, {"MY", "Kuala Lumpur"},
	{"SN", "Dakar"}, {"TN", "Tunis"}, {"EG", "Cairo"}, {"SA", "Riyadh"},
	{"ID", "Jakarta"}, {"JO", "Amman"}, {"QA", "Doha"}, {"CI", "Abidjan"},
	{"UZ", "Tashkent"}, {"PK", "Islamabad"}, {"DZ", "Algiers"}, {"BF", "Ouagadougou"},
}

// typeNames are the activity types as titles begin.
var typeNames = map[string]tri{
	"training": {"Formation sur", "دورة تدريبية حول", "Training course on"},
	"webinar":  {"Webinaire sur", "ندوة عبر الإنترنت حول", "Webinar on"},
	"workshop": {"Atelier sur", "ورشة عمل حول", "Workshop on"},
}

// audiences end titles, so that titles differ within a topic.
var audiences = []tri{
	{"pour les conseillers à l'emploi", "لفائدة مستشاري التوظيف", "for employment counsellors"},
	{"pour les décideurs", "لفائدة صناع القرار", "for policy makers"},
	{"pour les services publics de l'emploi", "لفائدة خدمات التوظيف العامة", "for public employment services"},
	{"pour les statisticiens", "لفائدة الإحصائيين", "for statisticians"},
	{"pour les formateurs", "لفائدة المدربين", "for trainers"},
}

// sentences take the topic where %s stands. French topics carry their
// article, so only "sur %s" is used (never "de %s", which would need "des").
var sentences = []tri{
	{"Cette activité réunit des praticiens des services publics de l'emploi pour échanger sur %s.", "يجمع هذا النشاط ممارسين من خدمات التوظيف العامة لتبادل الخبرات بشأن %s.", "This activity brings together practitioners of public employment services to exchange on %s."},
	{"Les participants comparent les approches nationales et les résultats obtenus sur %s.", "يقارن المشاركون المقاربات الوطنية والنتائج المحققة في مجال %s.", "Participants compare national approaches and the results achieved on %s."},
	{"Des experts présentent des études de cas et des outils pratiques sur %s.", "يعرض خبراء دراسات حالة وأدوات عملية في مجال %s.", "Experts present case studies and practical tools on %s."},
	{"Une attention particulière est portée aux femmes, aux jeunes et aux régions rurales.", "ويولى اهتمام خاص للنساء والشباب والمناطق الريفية.", "Particular attention is paid to women, young people and rural regions."},
	{"Le programme alterne exposés, travaux en groupes et visites de terrain.", "ويتناوب البرنامج بين العروض والعمل في مجموعات والزيارات الميدانية.", "The programme alternates presentations, group work and field visits."},
	{"Chaque pays membre est invité à partager ses données et ses leçons apprises.", "ويدعى كل بلد عضو إلى تبادل بياناته والدروس المستفادة.", "Each member country is invited to share its data and lessons learned."},
	{"Les conclusions alimenteront le prochain plan de travail du réseau OIC-PESNET.", "وستغذي الاستنتاجات خطة العمل المقبلة لشبكة OIC-PESNET.", "The conclusions will feed into the next work plan of the OIC-PESNET network."},
	{"La coopération Sud-Sud et le partage des connaissances sont au cœur de la démarche.", "ويشكل التعاون بين بلدان الجنوب وتبادل المعارف جوهر هذا النهج.", "South-South cooperation and knowledge sharing are at the heart of the approach."},
	{"Les services de l'emploi y trouvent des méthodes directement applicables sur %s.", "وتجد خدمات التوظيف فيه مناهج قابلة للتطبيق المباشر في مجال %s.", "Employment services find methods they can apply directly on %s."},
	{"Une évaluation à la fin de la session mesure les acquis des participants.", "ويقيس تقييم في نهاية الدورة مكتسبات المشاركين.", "An evaluation at the end of the session measures what participants have learned."},
}

// points are list items of the objectives lists.
var points = []tri{
	{"Comprendre les enjeux et les définitions ;", "فهم الرهانات والتعاريف؛", "Understand the issues and definitions;"},
	{"Analyser des données nationales et régionales ;", "تحليل البيانات الوطنية والإقليمية؛", "Analyse national and regional data;"},
	{"Concevoir des programmes adaptés aux publics ;", "تصميم برامج ملائمة للفئات المستهدفة؛", "Design programmes suited to their audiences;"},
	{"Mettre en place des partenariats durables ;", "إرساء شراكات مستدامة؛", "Build lasting partnerships;"},
	{"Suivre et évaluer les résultats ;", "تتبع النتائج وتقييمها؛", "Monitor and evaluate results;"},
	{"Diffuser les bonnes pratiques.", "نشر الممارسات الجيدة.", "Disseminate good practices."},
}

// links are the external references bodies cite.
var links = []struct {
	text tri
	url  string
}{
	{tri{"le site de l'OIT", "موقع منظمة العمل الدولية", "the ILO website"}, "https://www.ilo.org/"},
	{tri{"le centre SESRIC", "مركز أنقرة SESRIC", "the SESRIC centre"}, "https://www.sesric.org/"},
	{tri{"l'Organisation de la coopération islamique", "منظمة التعاون الإسلامي", "the Organisation of Islamic Cooperation"}, "https://www.oic-oci.org/"},
}

// labels are the words around the body's parts.
var labels = struct{ objectives, more, summary tri }{
	objectives: tri{"Objectifs", "الأهداف", "Objectives"},
	more:       tri{"Pour en savoir plus, consultez", "لمزيد من المعلومات، راجع", "To learn more, see"},
	summary:    tri{"Une activité du réseau sur %s.", "نشاط للشبكة بشأن %s.", "A network activity on %s."},
}
