"""The directory of help: the organisations the sources name, with what the
sources say they do and no contacts (the portal is sure of none: a deployment
enters them, verified, in the admin or through an authority's feed), and a few
fictional organisations whose names and contacts say "demo"."""

from directory.models import Organisation, Service

ICMPD = "ICMPD 2024 (003_3369b27ccaf5120a.txt)"
UNVERIFIED = Organisation.Contacts.UNVERIFIED
DEMO = Organisation.Contacts.DEMO

ORGANISATIONS = [
    {
        "key": "uz-migration-agency",
        "kind": "state_agency",
        "country": "UZ",
        "contacts_status": UNVERIFIED,
        "source": f"{ICMPD}, 2.1 Legislation framework",
        "services": ["recruiter_fraud", "documents"],
        "languages": ["uz", "ru"],
        "name": {
            "en": "Agency of Migration under the Cabinet of Ministers of Uzbekistan",
            "uz": "Oʻzbekiston Respublikasi Vazirlar Mahkamasi huzuridagi Migratsiya agentligi",
            "kaa": "Ózbekstan Respublikası Ministrler Kabineti janındaǵı Migraciya agentligi",
            "ky": "Өзбекстан Министрлер Кабинетине караштуу Миграция агенттиги",
            "ru": "Агентство миграции при Кабинете Министров Республики Узбекистан",
        },
        "description": {
            "en": "Licenses private employment agencies, organises recruitment abroad, "
            "and gives legal and social protection to citizens in difficulty abroad.",
            "uz": "Xususiy bandlik agentliklariga litsenziya beradi, chet elga ishga "
            "yollashni tashkil etadi, chet elda qiyin ahvolga tushgan fuqarolarga "
            "huquqiy va ijtimoiy himoya koʻrsatadi.",
            "kaa": "Jeke bántlik agentliklerine licenziya beredi, shet elge jumısqa "
            "alıwdı shólkemlestiredi, shet elde qıyın jaǵdayǵa túsken puqaralarǵa "
            "huqıqıy hám sociallıq qorǵaw kórsetedi.",
            "ky": "Жеке иштеп берүү агенттиктерине лицензия берет, чет өлкөгө жумушка "
            "алууну уюштурат, чет өлкөдө кыйын абалга туш болгон жарандарга укуктук "
            "жана социалдык коргоо көрсөтөт.",
            "ru": "Лицензирует частные агентства занятости, организует набор на работу "
            "за рубежом, оказывает правовую и социальную защиту гражданам, попавшим "
            "в трудное положение за границей.",
        },
    },
    {
        "key": "uz-migration-fund",
        "kind": "state_agency",
        "country": "UZ",
        "contacts_status": UNVERIFIED,
        "source": f"{ICMPD}, 2.1 Legislation framework; 3.2 State services",
        "services": ["violence", "trafficking", "health", "death", "detention", "documents"],
        "languages": ["uz", "ru"],
        "name": {
            "en": "Migration Fund (Migration Agency of Uzbekistan)",
            "uz": "Migratsiya jamgʻarmasi (Oʻzbekiston Migratsiya agentligi)",
            "kaa": "Migraciya qorı (Ózbekstan Migraciya agentligi)",
            "ky": "Миграция фонду (Өзбекстандын Миграция агенттиги)",
            "ru": "Фонд миграции (Агентство миграции Узбекистана)",
        },
        "description": {
            "en": "Legal and social protection for migrants who are victims of violence, "
            "forced labour or discrimination; medical costs of migrants injured or unable "
            "to pay; repatriation of the deceased or severely injured; return of deported "
            "migrants. It targets legal migrants.",
            "uz": "Zoʻravonlik, majburiy mehnat yoki kamsitish qurbonlari boʻlgan "
            "migrantlarga huquqiy va ijtimoiy himoya; jarohatlangan yoki toʻlashga "
            "qurbi yetmagan migrantlarning davolanish xarajatlari; vafot etgan yoki "
            "ogʻir jarohatlanganlarni vatanga qaytarish; deportatsiya qilingan "
            "migrantlarni qaytarish. Qonuniy migrantlar uchun.",
            "kaa": "Zorlıq, májbúriy miynet yamasa kemsitiw qurbanı bolǵan migrantlarǵa "
            "huqıqıy hám sociallıq qorǵaw; jaraqatlanǵan yamasa tólewge múmkinshiligi "
            "joq migrantlardıń emleniw qárejetleri; qaytıs bolǵan yamasa awır "
            "jaraqatlanǵanlardı watanǵa qaytarıw; deportaciya etilgen migrantlardı "
            "qaytarıw. Nızamlı migrantlar ushın.",
            "ky": "Зомбулуктун, мажбурлап иштетүүнүн же басмырлоонун курмандыгы болгон "
            "мигранттарга укуктук жана социалдык коргоо; жаракат алган же төлөй албаган "
            "мигранттардын дарылануу чыгымдары; каза болгондорду же оор жаракат "
            "алгандарды мекенге кайтаруу; депортацияланган мигранттарды кайтаруу. "
            "Мыйзамдуу мигранттар үчүн.",
            "ru": "Правовая и социальная защита мигрантов, ставших жертвами насилия, "
            "принудительного труда или дискриминации; расходы на лечение пострадавших "
            "и неспособных оплатить лечение; репатриация умерших и тяжело пострадавших; "
            "возвращение депортированных. Для легальных мигрантов.",
        },
    },
    {
        "key": "kg-ceca",
        "kind": "state_agency",
        "country": "KG",
        "contacts_status": UNVERIFIED,
        "source": f"{ICMPD}, 2.1 Legislation framework",
        "services": ["recruiter_fraud", "death", "documents"],
        "languages": ["ky", "ru"],
        "name": {
            "en": "Center for Employment of Citizens Abroad (Ministry of Labour, Social "
            "Security and Migration of the Kyrgyz Republic)",
            "uz": "Fuqarolarni xorijda ishga joylashtirish markazi (Qirgʻiziston Mehnat, "
            "ijtimoiy taʼminot va migratsiya vazirligi)",
            "kaa": "Puqaralardı shet elde jumısqa ornalastırıw orayı (Qırǵızstan Miynet, "
            "sociallıq támiynat hám migraciya ministrligi)",
            "ky": "Жарандарды чет өлкөдө жумушка орноштуруу борбору (Кыргыз "
            "Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги)",
            "ru": "Центр занятости граждан за рубежом (Министерство труда, социального "
            "обеспечения и миграции Кыргызской Республики)",
        },
        "description": {
            "en": "Organised recruitment abroad, monitoring of licensed agencies, "
            "protection of migrants' rights abroad, and compensation of the cost of "
            "bringing home the bodies of citizens who died abroad.",
            "uz": "Chet elga tashkiliy ishga yollash, litsenziyaga ega agentliklarni "
            "nazorat qilish, chet eldagi migrantlar huquqlarini himoya qilish, chet elda "
            "vafot etgan fuqarolar jasadini olib kelish xarajatlarini qoplash.",
            "kaa": "Shet elge shólkemlestirilgen jumısqa alıw, licenziyası bar "
            "agentliklerdi qadaǵalaw, shet eldegi migrantlardıń huqıqların qorǵaw, shet "
            "elde qaytıs bolǵan puqaralardıń denesin alıp keliw qárejetlerin tólew.",
            "ky": "Чет өлкөгө уюшкан түрдө жумушка алуу, лицензиясы бар агенттиктерди "
            "көзөмөлдөө, чет өлкөдөгү мигранттардын укуктарын коргоо, чет өлкөдө каза "
            "болгон жарандардын сөөгүн алып келүү чыгымдарын компенсациялоо.",
            "ru": "Организованный набор на работу за рубежом, мониторинг лицензированных "
            "агентств, защита прав мигрантов за рубежом, компенсация расходов на "
            "перевозку тел граждан, умерших за границей.",
        },
    },
    {
        "key": "kg-mlssm-moscow",
        "kind": "ministry_office",
        "country": "RU",
        "contacts_status": UNVERIFIED,
        "source": f"{ICMPD}, 2.1 Legislation framework",
        "services": ["unpaid_wages", "health", "documents"],
        "languages": ["ky", "ru"],
        "name": {
            "en": "Representative Office of the Ministry of Labour, Social Security and "
            "Migration of the Kyrgyz Republic, Moscow branch",
            "uz": "Qirgʻiziston Mehnat, ijtimoiy taʼminot va migratsiya vazirligi "
            "vakolatxonasi, Moskva filiali",
            "kaa": "Qırǵızstan Miynet, sociallıq támiynat hám migraciya ministrligi "
            "wákilxanası, Moskva filialı",
            "ky": "Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция "
            "министрлигинин өкүлчүлүгү, Москвадагы филиалы",
            "ru": "Представительство Министерства труда, социального обеспечения и "
            "миграции Кыргызской Республики, филиал в Москве",
        },
        "city": {"en": "Moscow", "uz": "Moskva", "kaa": "Moskva", "ky": "Москва", "ru": "Москва"},
        "description": {
            "en": "Helps Kyrgyz migrants in Russia recover unpaid wages and compensation "
            "for work injuries; organises free housing and legal assistance for citizens "
            "in difficult situations.",
            "uz": "Rossiyadagi qirgʻiz migrantlariga toʻlanmagan ish haqi va ishdagi "
            "jarohat uchun tovon undirishda yordam beradi; qiyin ahvoldagi fuqarolarga "
            "bepul turar joy va huquqiy yordam tashkil qiladi.",
            "kaa": "Rossiyadaǵı qırǵız migrantlarına tólenbegen is haqı hám jumıstaǵı "
            "jaraqat ushın tólem alıwda járdem beredi; qıyın jaǵdaydaǵı puqaralarǵa "
            "biypul turaq jay hám huqıqıy járdem shólkemlestiredi.",
            "ky": "Россиядагы кыргыз мигранттарына төлөнбөгөн эмгек акыны жана "
            "жумушта алган жаракат үчүн компенсацияны өндүрүүгө жардам берет; кыйын "
            "абалдагы жарандарга акысыз турак жай жана укуктук жардам уюштурат.",
            "ru": "Помогает кыргызским мигрантам в России добиться выплаты зарплаты и "
            "компенсации за производственные травмы; организует бесплатное жильё и "
            "правовую помощь гражданам в трудной ситуации.",
        },
    },
    {
        "key": "kg-embassy-russia",
        "kind": "embassy",
        "country": "RU",
        "contacts_status": UNVERIFIED,
        "source": f"{ICMPD}, 2.1 Legislation framework; 3.7 Information needs and resources",
        "services": ["documents", "detention", "death"],
        "languages": ["ky", "ru"],
        "name": {
            "en": "Embassy of the Kyrgyz Republic in the Russian Federation",
            "uz": "Qirgʻiziston Respublikasining Rossiya Federatsiyasidagi elchixonasi",
            "kaa": "Qırǵızstan Respublikasınıń Rossiya Federaciyasındaǵı elshixanası",
            "ky": "Кыргыз Республикасынын Россия Федерациясындагы элчилиги",
            "ru": "Посольство Кыргызской Республики в Российской Федерации",
        },
        "description": {
            "en": "Kyrgyz migrants can get information and help from Kyrgyz embassies "
            "while abroad.",
            "uz": "Qirgʻiz migrantlari chet elda Qirgʻiziston elchixonalaridan maʼlumot "
            "va yordam olishlari mumkin.",
            "kaa": "Qırǵız migrantları shet elde Qırǵızstan elshixanalarınan maǵlıwmat "
            "hám járdem ala aladı.",
            "ky": "Кыргыз мигранттары чет өлкөдө Кыргызстандын элчиликтеринен маалымат "
            "жана жардам ала алышат.",
            "ru": "Кыргызские мигранты за рубежом могут получить информацию и помощь в "
            "посольствах Кыргызстана.",
        },
    },
    {
        "key": "kg-council-representatives",
        "kind": "ngo",
        "country": "RU",
        "contacts_status": UNVERIFIED,
        "source": f"{ICMPD}, 3.7 Information needs and resources",
        "services": ["trafficking", "documents"],
        "languages": ["ky", "ru"],
        "name": {
            "en": "Public representatives of the Council on Migration and Combating "
            "Trafficking in Human Beings (diaspora leaders)",
            "uz": "Migratsiya va odam savdosiga qarshi kurash kengashining jamoatchilik "
            "vakillari (diaspora yetakchilari)",
            "kaa": "Migraciya hám adam sawdasına qarsı gúres keńesiniń jámiyetlik "
            "wákilleri (diaspora basshıları)",
            "ky": "Миграция жана адам сатууга каршы күрөшүү боюнча кеңештин коомдук "
            "өкүлдөрү (диаспора лидерлери)",
            "ru": "Общественные представители Совета по миграции и противодействию "
            "торговле людьми (лидеры диаспор)",
        },
        "description": {
            "en": "Diaspora leaders in Russia and other countries who give Kyrgyz "
            "migrants information and help.",
            "uz": "Rossiya va boshqa mamlakatlardagi diaspora yetakchilari qirgʻiz "
            "migrantlariga maʼlumot va yordam beradi.",
            "kaa": "Rossiya hám basqa mámleketlerdegi diaspora basshıları qırǵız "
            "migrantlarına maǵlıwmat hám járdem beredi.",
            "ky": "Россиядагы жана башка өлкөлөрдөгү диаспора лидерлери кыргыз "
            "мигранттарына маалымат жана жардам беришет.",
            "ru": "Лидеры диаспор в России и других странах, которые дают кыргызским "
            "мигрантам информацию и помощь.",
        },
    },
    # Fictional organisations: their names and contacts say "demo".
    {
        "key": "demo-ru-hotline",
        "kind": "hotline",
        "country": "RU",
        "contacts_status": DEMO,
        "source": "Demo data (fictional)",
        "services": ["unpaid_wages", "violence", "trafficking", "detention", "documents"],
        "languages": ["uz", "ky", "ru"],
        "phone": "+7 800 000-00-00",
        "name": {
            "en": "Hotline for migrants in Russia (demo)",
            "uz": "Rossiyadagi migrantlar uchun ishonch telefoni (namuna)",
            "kaa": "Rossiyadaǵı migrantlar ushın isenim telefonı (úlgi)",
            "ky": "Россиядагы мигранттар үчүн ишеним телефону (үлгү)",
            "ru": "Горячая линия для мигрантов в России (демо)",
        },
        "hours": {
            "en": "Every day, 24 hours",
            "uz": "Har kuni, 24 soat",
            "kaa": "Hár kúni, 24 saat",
            "ky": "Күн сайын, 24 саат",
            "ru": "Ежедневно, круглосуточно",
        },
    },
    {
        "key": "demo-ru-shelter",
        "kind": "shelter",
        "country": "RU",
        "contacts_status": DEMO,
        "source": "Demo data (fictional)",
        "services": ["violence", "trafficking"],
        "languages": ["ru", "uz"],
        "phone": "+7 000 000-00-03",
        "name": {
            "en": "Shelter for women and children (demo)",
            "uz": "Ayollar va bolalar uchun boshpana (namuna)",
            "kaa": "Hayallar hám balalar ushın baspana (úlgi)",
            "ky": "Аялдар жана балдар үчүн баш калкалоочу жай (үлгү)",
            "ru": "Приют для женщин и детей (демо)",
        },
        "city": {"en": "Moscow", "uz": "Moskva", "kaa": "Moskva", "ky": "Москва", "ru": "Москва"},
    },
    {
        "key": "demo-kr-centre",
        "kind": "ngo",
        "country": "KR",
        "contacts_status": DEMO,
        "source": "Demo data (fictional)",
        "services": ["unpaid_wages", "health", "remittances"],
        "languages": ["ko", "ru", "uz"],
        "phone": "+82 00-0000-0000",
        "name": {
            "en": "Migrant workers' centre, Ansan (demo)",
            "uz": "Mehnat migrantlari markazi, Ansan (namuna)",
            "kaa": "Miynet migrantları orayı, Ansan (úlgi)",
            "ky": "Эмгек мигранттарынын борбору, Ансан (үлгү)",
            "ru": "Центр для трудовых мигрантов, Ансан (демо)",
        },
        "city": {"en": "Ansan", "uz": "Ansan", "kaa": "Ansan", "ky": "Ансан", "ru": "Ансан"},
    },
    {
        "key": "demo-uz-employment-nukus",
        "kind": "employment_centre",
        "country": "UZ",
        "contacts_status": DEMO,
        "source": "Demo data (fictional)",
        "services": ["recruiter_fraud", "remittances"],
        "languages": ["kaa", "uz", "ru"],
        "phone": "+998 61 000 00 00",
        "name": {
            "en": "Employment centre for returnees, Nukus (demo)",
            "uz": "Qaytganlar uchun bandlik markazi, Nukus (namuna)",
            "kaa": "Qaytqanlar ushın bántlik orayı, Nókis (úlgi)",
            "ky": "Кайтып келгендер үчүн иш менен камсыз кылуу борбору, Нукус (үлгү)",
            "ru": "Центр занятости для вернувшихся, Нукус (демо)",
        },
        "city": {"en": "Nukus", "uz": "Nukus", "kaa": "Nókis", "ky": "Нукус", "ru": "Нукус"},
    },
]

TRANSLATED = ("name", "description", "city", "hours")


def seed():
    for entry in ORGANISATIONS:
        values = {
            "kind": entry["kind"],
            "country": entry["country"],
            "contacts_status": entry["contacts_status"],
            "source": entry["source"],
            "languages": entry["languages"],
            "phone": entry.get("phone", ""),
        }
        for field in TRANSLATED:
            for lang, text in entry.get(field, {}).items():
                values[f"{field}_{lang}"] = text
        organisation, _created = Organisation.objects.update_or_create(
            external_id=entry["key"], source_feed_id=None, defaults=values
        )
        for need in entry["services"]:
            Service.objects.get_or_create(organisation=organisation, need=need)
    return f"{len(ORGANISATIONS)} organisations"
