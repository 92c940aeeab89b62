"""Word lists for entity post-processing: titles, head-word stoplists, a small gazetteer."""

from __future__ import annotations

from generator.wire import namebank


def _words(text: str) -> frozenset[str]:
    """Return the lower-cased entries of a '|'-separated list."""
    return frozenset(w.strip().casefold() for w in text.split("|") if w.strip())


# Titles and honorifics that may stand before a name (matched case-insensitively, longest first).
TITLES = _words("""
mr|mrs|ms|miss|dr|prof|professor|shri|sri|smt|shrimati|kumari|km|sir|dame|lord|lady|sheikh|
sahib|saheb|mian|hazrat|maulana|pandit|pt|swami|sadhvi|acharya|guru|baba|bapu|thiru|tmt|selvi|
justice|judge|chief justice|advocate|adv|senior advocate|counsel|lawyer|
president|vice president|vice-president|prime minister|pm|deputy prime minister|
chief minister|cm|deputy chief minister|deputy cm|dy cm|former chief minister|ex-cm|
minister|union minister|state minister|cabinet minister|home minister|finance minister|
external affairs minister|defence minister|health minister|education minister|law minister|
minister of state|mos|governor|lieutenant governor|lt governor|lg|speaker|deputy speaker|
chairman|chairperson|chair|vice-chairman|vice chairman|chief|secretary|general secretary|
principal secretary|chief secretary|additional chief secretary|joint secretary|
mp|mla|mlc|mps|mlas|leader|supremo|patriarch|senior leader|party leader|opposition leader|leader of opposition|
president-elect|spokesperson|spokesman|spokeswoman|national spokesperson|convenor|
candidate|councillor|corporator|mayor|deputy mayor|sarpanch|collector|district collector|
commissioner|police commissioner|superintendent|sp|ssp|dsp|dysp|asp|dcp|acp|ig|dig|dgp|adgp|
inspector|sub-inspector|si|constable|head constable|officer|inspector general|director general|
director|managing director|md|ceo|cfo|coo|cto|founder|co-founder|cofounder|executive|
chief executive|chief executive officer|analyst|economist|spokesman|head|boss|coach|captain|
skipper|player|actor|actress|director|filmmaker|singer|author|poet|writer|novelist|editor|
general|lt gen|lieutenant general|major general|maj gen|brigadier|colonel|col|major|maj|
lieutenant|lt|captain|capt|commander|cdr|admiral|air marshal|air chief marshal|marshal|
emperor|pope|cardinal|bishop|father|fr|rev|reverend|imam|rabbi|
senator|representative|congressman|congresswoman|assemblyman|councilman|ambassador|
envoy|consul|chancellor|premier|vice-president|treasurer|deputy|aide|veteran|
late|ex|former|senior|legendary|
grandmaster|gm|shuttler|striker|midfielder|defender|goalkeeper|batter|batsman|
bowler|all-rounder|opener|pacer|spinner|wicketkeeper|javelin thrower|athlete|
accused|victim|suspect|petitioner|respondent|complainant|activist|journalist|reporter|
""")

# Words that end a title phrase when stripping: "TN BJP president K Annamalai".
TITLE_TAILS = _words("""
minister|president|leader|chief|secretary|chairman|chairperson|governor|speaker|mp|mla|mlc|
spokesperson|spokesman|convenor|candidate|justice|judge|commissioner|officer|director|ceo|
founder|coach|captain|mayor|inspector|superintendent|general|collector|counsel|advocate|
member|head|chief minister|cm|pm|dgp|sp|dysp|dsp|dcp|acp|si|president-elect|in-charge|incharge|
""")

# Head words (last word) that make a span a road, building, body, event or other non-person.
NON_PERSON_HEADS = _words("""
marg|road|rd|street|st|lane|avenue|nagar|bhavan|bhawan|bhawan|nivas|niwas|bagh|chowk|
colony|sector|vihar|enclave|puram|pur|abad|garh|ganj|palace|fort|temple|mandir|masjid|mosque|
church|gurdwara|dargah|station|airport|stadium|ground|hall|house|tower|hospital|college|
school|university|institute|academy|centre|center|complex|park|market|mall|bridge|dam|river|
lake|hills|hill|district|village|city|town|state|island|islands|coast|valley|mountains|
party|congress|assembly|sabha|parishad|council|committee|commission|court|tribunal|bench|
ministry|department|directorate|bureau|agency|authority|board|corporation|corp|limited|ltd|
inc|co|company|group|bank|fund|trust|foundation|society|association|federation|union|front|
alliance|bloc|sena|dal|morcha|manch|league|forum|club|team|army|force|forces|police|cell|
government|govt|administration|office|secretariat|panel|mission|organisation|organization|
festival|utsav|mela|puja|jayanti|diwali|holi|eid|christmas|navratri|durga|yatra|rally|
trophy|cup|championship|championships|league|games|olympics|open|masters|series|awards|award|
prize|elections|election|polls|bypolls|summit|conference|act|bill|scheme|yojana|abhiyan|
day|week|news|times|express|post|herald|today|tv|channel|media|network|online|daily|
ji|sahib|bypass|highway|law|expressway|nh|circle|junction|gate|square|jail|prison|
""")

# Any of these words anywhere in a span makes it a non-person (bodies, events, places).
NON_PERSON_WORDS = _words("""
party|congress|bjp|assembly|sabha|court|ministry|government|university|police|district|
committee|commission|council|marg|road|bhavan|bhawan|temple|hospital|airport|station|
trophy|championship|olympics|elections|polls|festival|awards|award|limited|ltd|inc|corp|
company|bank|india|indian|pradesh|state|national|international|federation|league|
lok|rajya|vidhan|high|supreme|district|municipal|corporation|akademi|academy|stadium|
twitter|instagram|facebook|youtube|whatsapp|x|photo|image|source|file|getty|representational|
follow|us|read|also|u.s|u.k|dlrs|dlr|mln|bln|pct|cts|treasury|exchequer|fed|reserve|
senate|parliament|finance|agriculture|commerce|energy|defense|defence|labor|labour|interior|
transportation|cabinet|bundesbank|gruppo|spa|bancorp|democrats|republicans|socialists|
watch|click|here|updated|published|ist|am|pm|san|santa|
monday|tuesday|wednesday|thursday|friday|saturday|sunday|
january|february|march|april|june|july|august|september|october|november|december|
""")

# Nationality and group adjectives: a name made only of these is no person ("West German").
DEMONYMS = _words("""
japanese|french|european|swiss|german|british|american|dutch|asian|ivorian|iraqi|iranian|mexican|
brazilian|argentine|argentinian|chinese|italian|spanish|canadian|australian|belgian|soviet|russian|
arab|saudi|kuwaiti|african|latin|nigerian|korean|taiwanese|philippine|filipino|indonesian|malaysian|
thai|venezuelan|ecuadorean|peruvian|colombian|chilean|bolivian|egyptian|israeli|turkish|greek|
portuguese|swedish|danish|norwegian|finnish|austrian|polish|yugoslav|hungarian|irish|scottish|
pakistani|bangladeshi|nepalese|lankan|kenyan|ghanaian|zambian|zimbabwean|ugandan|western|eastern|
opec|ec|gatt|imf|west|east|north|south|central|far|middle|
""")

# Departments that the model takes into a name: "Secretary of Agriculture Richard Lyng".
DEPARTMENTS = _words("agriculture|finance|commerce|treasury|energy|trade|defense|defence|labor|"
                     "labour|interior|transportation|state|senate|congress|justice|economy|industry")

# Last words of firms and places in wire copy ("Hughes Tool", "Bass Strait"): checked on the name
# only, not on the words after it (so "Bob Bannon of Security Pacific" stays a person).
FIRM_TAILS = _words("""
basin|strait|straits|bay|sea|peninsula|canal|refining|refinery|tool|tools|mines|goldfields|
marine|unit|index|hydro|midland|pacific|atlantic|guaranty|kk|associates|
""")

# U.S. states (checked for people only: the gazetteer keeps its own list).
US_STATES = _words("""
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|
illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|
mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|
north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|
south dakota|tennessee|texas|utah|vermont|west virginia|wisconsin|wyoming
""")

# Words that start a place, never a person: "St. Louis", "Porto Alegre", "San Miguel".
PLACE_PREFIXES = _words("st|saint|ste|sao|porto|puerto|port|fort|mount|mt|cape|san|santa|los|las")

# Lower-case particles inside a person's name: "Willy de Clercq", "Richard von Weizsaecker".
NAME_PARTICLES = _words("de|du|da|di|del|della|der|den|van|von|le|la|dos|das|ter")

# Words that look like names but are not people: deities, communities, languages.
NON_PERSON_NAMES = _words("""
god|lord ram|ram lalla|ram lalla|allah|jesus|christ|krishna|shiva|hanuman|ganesh|durga|kali|
lakshmi|vishnu|brahma|bhagwan|mata|ma|kuki|meitei|naga|dalit|adivasi|hindu|muslim|sikh|jain|
christian|buddhist|parsi|tamil|telugu|kannada|malayalam|marathi|gujarati|bengali|odia|
punjabi|hindi|urdu|sanskrit|english|assamese|konkani|dogri|kashmiri|manipuri|maithili|
covid|covid-19|coronavirus|sars|omicron|aadhaar|pan|gst|upi|ipl|isl|bcci|lanka|
""")

# Wire agencies and credits: never an organisation of the story.
AGENCIES = _words("""
ians|pti|ani|uni|afp|ap|aap news|dpa|reuters|xinhua|wam|bernama|yonhap|kyodo|
associated press|press trust of india|asian news international|united news of india|
agence france-presse|agence france presse|indo-asian news service|bloomberg|upi|tass|efe|
""")

# Generic words that the model tags as organisations but that name no body.
NON_ORG_NAMES = _words("""
party|union|home|central|cctv|opd|cji|dcp|gm|sp|ssp|dysp|obc|sc|st|ews|nda|
state|court|centre|center|government|govt|cabinet|house|the house|police|the centre|
parliament|assembly|high court|cm|pm|mla|mp|mlas|mps|hcp|aag|ag|fir|pil|sit|ist|gmt|
covid|covid-19|bench|division bench|the bench|bill|act|opposition|the opposition|
twitter|x|instagram|facebook|youtube|whatsapp|telegram|photo|image|file|
""")

# Head words for events, laws, titles: a span ending with one is no organisation.
NON_ORG_HEADS = _words("""
trophy|cup|championship|championships|games|olympics|open|masters|series|awards|award|
prize|elections|election|polls|bypolls|summit|act|bill|scheme|yojana|abhiyan|day|week|
festival|utsav|mela|yatra|rally|case|probe|scam|policy|report|code|amendment|
""")

# Head words that mark a span as an organisation.
ORG_HEADS = _words("""
party|congress|sabha|parishad|council|committee|commission|court|tribunal|ministry|
department|directorate|director|bureau|agency|authority|board|corporation|corp|limited|ltd|
inc|co|company|group|bank|fund|trust|foundation|society|association|federation|union|front|
alliance|bloc|sena|dal|morcha|manch|league|forum|club|army|force|police|university|
institute|academy|akademi|college|school|hospital|organisation|organization|kazhagam|
motors|industries|technologies|systems|services|holdings|airlines|airways|railways|
research|news|times|express|herald|post|tribune|telegraph|hindu|network|advisers|advisors|
partners|capital|ventures|labs|mining|oil|petroleum|energy|steel|cement|pharma|
pharmaceuticals|insurance|securities|exchange|markets|international|global|india|
s.a|s.p.a|ag|nv|n.v|plc|gmbh|bhd|pte|llc|llp|
""")


COUNTRIES = _words("""
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|
bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|
botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|
china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|
djibouti|dominica|dominican republic|ecuador|egypt|el salvador|eritrea|estonia|eswatini|
ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|
guinea|guyana|haiti|honduras|hong kong|hungary|iceland|india|indonesia|iran|iraq|ireland|
israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kuwait|kyrgyzstan|laos|
latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|
malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|monaco|mongolia|
montenegro|morocco|mozambique|myanmar|burma|namibia|nepal|netherlands|holland|new zealand|
nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|pakistan|palestine|panama|
papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|
saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|
south africa|south korea|korea|south sudan|spain|sri lanka|sudan|suriname|sweden|
switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tunisia|turkey|
turkiye|turkmenistan|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|
great britain|england|scotland|wales|northern ireland|united states|usa|us|america|
uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|
soviet union|ussr|west germany|east germany|yugoslavia|czechoslovakia|zaire|
europe|asia|africa|south asia|middle east|gulf|latin america|north america|south america|
""")

INDIAN_STATES = _words("""
andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|
himachal pradesh|himachal|jharkhand|karnataka|kerala|madhya pradesh|maharashtra|manipur|
meghalaya|mizoram|nagaland|odisha|orissa|punjab|rajasthan|sikkim|tamil nadu|telangana|
tripura|uttar pradesh|uttarakhand|west bengal|bengal|delhi|new delhi|jammu and kashmir|
jammu & kashmir|jammu|kashmir|ladakh|puducherry|pondicherry|chandigarh|lakshadweep|
andaman and nicobar islands|andaman|dadra and nagar haveli|daman and diu|
""")

CITIES = _words("""
mumbai|bombay|kolkata|calcutta|chennai|madras|bengaluru|bangalore|hyderabad|ahmedabad|
pune|surat|jaipur|lucknow|kanpur|nagpur|indore|thane|bhopal|visakhapatnam|vizag|patna|
vadodara|ghaziabad|ludhiana|agra|nashik|faridabad|meerut|rajkot|varanasi|srinagar|
aurangabad|dhanbad|amritsar|navi mumbai|allahabad|prayagraj|ranchi|howrah|coimbatore|
jabalpur|gwalior|vijayawada|jodhpur|madurai|raipur|kota|guwahati|solapur|hubli|mysuru|
mysore|tiruchirappalli|trichy|bareilly|aligarh|moradabad|jalandhar|bhubaneswar|salem|
warangal|guntur|noida|gurugram|gurgaon|dehradun|shimla|kochi|cochin|thiruvananthapuram|
trivandrum|kozhikode|calicut|thrissur|mangaluru|mangalore|belagavi|panaji|imphal|
shillong|aizawl|kohima|itanagar|gangtok|agartala|dispur|silchar|siliguri|durgapur|asansol|
cuttack|rourkela|jamshedpur|bokaro|gaya|muzaffarpur|bhagalpur|darbhanga|gorakhpur|
ayodhya|mathura|jhansi|rampur|saharanpur|haridwar|rishikesh|nainital|udaipur|ajmer|bikaner|
tirupati|nellore|kurnool|puri|karur|tirunelveli|vellore|erode|tiruppur|thanjavur|
ernakulam|kollam|kannur|palakkad|alappuzha|kottayam|hamirpur|kangra|mandi|dharamshala|
jammu|leh|kargil|anantnag|baramulla|gandhinagar|bhavnagar|jamnagar|kolhapur|sangli|
nanded|amravati|akola|latur|panvel|kalyan|vasai|bhiwandi|hojai|nagaon|dibrugarh|jorhat|
tezpur|dhubri|karimganj|bilaspur|korba|durg|bhilai|ujjain|sagar|rewa|satna|chandigarh|
mohali|patiala|bathinda|ludhiana|wayanad|hubballi|dharwad|davangere|
ballari|bellary|shivamogga|tumakuru|udupi|hassan|raebareli|amethi|kannauj|etawah|mainpuri|
azamgarh|ballia|jaunpur|mirzapur|sultanpur|barabanki|sitapur|unnao|firozabad|
london|paris|new york|washington|moscow|beijing|tokyo|berlin|rome|madrid|brussels|geneva|
zurich|vienna|amsterdam|stockholm|oslo|copenhagen|helsinki|dublin|lisbon|athens|istanbul|
ankara|tehran|baghdad|kabul|islamabad|karachi|lahore|dhaka|kathmandu|colombo|male|thimphu|
dubai|abu dhabi|doha|riyadh|jeddah|muscat|kuwait city|cairo|nairobi|johannesburg|
cape town|lagos|sydney|melbourne|auckland|toronto|vancouver|montreal|ottawa|chicago|
los angeles|san francisco|boston|houston|dallas|seattle|miami|atlanta|detroit|
philadelphia|new jersey|mexico city|sao paulo|rio de janeiro|buenos aires|lima|bogota|
santiago|caracas|singapore|kuala lumpur|jakarta|bangkok|manila|hanoi|seoul|shanghai|
hong kong|taipei|baku|tashkent|almaty|kyiv|kiev|warsaw|prague|budapest|bucharest|
frankfurt|munich|hamburg|milan|barcelona|marseille|lyon|edinburgh|manchester|birmingham|
""")

# Places inside these strings are not standalone places ("Delhi Police" is an organisation).
PLACES = COUNTRIES | INDIAN_STATES | CITIES

# Cue words after a name that mark a person: "X said", "X, 45,".
PERSON_VERBS = _words("""
said|says|told|added|stated|alleged|claimed|asked|urged|announced|accused|slammed|
attacked|hit out|tweeted|posted|wrote|noted|remarked|argued|explained|insisted|
questioned|demanded|responded|replied|criticised|criticized|praised|thanked|met|
visited|arrived|resigned|died|won|lost|scored|took|led|joined|filed|
""")

# Common given names (Indian and western): evidence that a capitalised run is a person.
GIVEN_NAMES = _words("""
aarav|abdul|abhay|abhijit|abhishek|aditya|ajay|ajit|akash|akhil|akhilesh|akshay|alok|amar|
amit|amitabh|anand|anil|anjali|ankit|anupam|anurag|arjun|arun|arvind|ashok|ashish|
ashutosh|atul|avinash|azam|balaji|bharat|bhupendra|bhupesh|brijesh|
chandra|chandrababu|chandrashekhar|chirag|deepak|deepika|devendra|dharmendra|
digvijay|dilip|dinesh|dipak|gautam|girish|gopal|gaurav|gulab|hardik|harish|harsh|hemant|
himanta|jagan|jai|jaishankar|jitendra|jyotiraditya|kailash|kamal|kapil|karan|kavita|
kiran|kishore|krishna|kuldeep|kumar|lakshmi|lalit|lalu|madhav|mahendra|mahesh|mamata|
manish|manoj|mayawati|milind|mohan|mohit|mukesh|mukul|nalin|naresh|naveen|
neeraj|nikhil|nilesh|nirmala|nitin|nitish|om|pankaj|param|pawan|piyush|pooja|prakash|
pramod|pranab|prashant|praveen|prem|priya|priyanka|pushkar|rahul|raj|rajan|rajat|rajeev|
rajendra|rajesh|rajiv|rajnath|rakesh|ram|raman|ramesh|ranjit|ravi|ravindra|ritesh|rohit|
sachin|sanjay|sanjeev|santosh|sarbananda|satish|satyendra|saurabh|shankar|sharad|
shashi|shivraj|shyam|siddaramaiah|smriti|sonia|subhash|sudhir|sukhbir|
sunil|suresh|sushil|suvendu|swati|tejashwi|tejasvi|udhayanidhi|uddhav|umesh|vasundhara|
venkaiah|vijay|vikas|vikram|vinod|virat|vishal|vishnu|vivek|yashwant|yogendra|
yogi|abhinav|aman|ankita|anushka|aparna|asha|bhavna|divya|geeta|gita|indira|jaya|kajal|
kalpana|kamala|kavya|khushboo|lata|madhuri|mamta|meena|meera|neha|nisha|padma|pallavi|
poonam|preeti|radha|rani|rekha|ritu|sakshi|sangeeta|sarita|seema|shalini|shanti|
shilpa|shobha|shreya|sita|sneha|sonal|sudha|sujata|suman|sunita|sushma|usha|vandana|
varsha|vidya|anita|mohammed|mohammad|mohd|muhammad|ahmed|ahmad|ali|imran|irfan|javed|
salman|shahid|farooq|omar|owaisi|asaduddin|iqbal|rashid|rahim|rehman|rahman|aziz|nawaz|
yusuf|zakir|harun|akbar|anwar|arif|asif|faisal|hamid|hussain|ibrahim|ismail|
jamal|kareem|karim|khalid|mehbooba|mustafa|nasir|naseem|rafiq|sajid|sameer|samir|
shakeel|sharif|shoaib|sohail|tariq|wasim|zubair|gurpreet|harpreet|jaspreet|manpreet|
navjot|pratap|harjit|balwinder|harsimrat|tarun|conrad|
pema|neiphiu|zoramthanga|lalduhoma|biplab|tripura|misa|sushil|
ajit|subrata|sourav|saurav|sunil|anirban|abhijeet|
arnab|debashish|indranil|partha|sudip|suvendu|kunal|babul|locket|mahua|derek|
anbumani|edappadi|palaniswami|panneerselvam|kanimozhi|senthil|thangam|
stalin|karunanidhi|vaiko|thirumavalavan|seeman|kamal|rajinikanth|vijayakanth|
pinarayi|oommen|ramesh|shashi|rahul|kodiyeri|sitaram|prakash|brinda|yechury|
jagan|chandrababu|pawan|revanth|kcr|kavitha|harish|rama|venkat|venkatesh|srinivas|
srinivasan|subramaniam|subramanian|krishnan|narayanan|gopalakrishnan|ramakrishnan|
balakrishnan|radhakrishnan|ramachandran|murugan|selvam|saravanan|senthil|
siddharth|sunder|sundar|satya|anand|nandan|kunal|arvind|ravi|vinay|vineet|varun|
yash|yuvraj|zaheer|virender|sourav|rohit|shubman|hardik|jasprit|ravindra|rishabh|
suryakumar|shreyas|ishan|sanju|shikhar|cheteshwar|ajinkya|mithali|smriti|harmanpreet|
neeraj|pv|saina|mary|sania|leander|mahesh|abhinav|vishwanathan|viswanathan|koneru|
harika|gukesh|arjun|nihal|vidit|sunil|bhaichung|gurpreet|sandesh|
john|james|robert|michael|william|david|richard|joseph|thomas|charles|christopher|
daniel|matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|
george|edward|ronald|timothy|jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|
stephen|larry|justin|scott|brandon|benjamin|samuel|frank|gregory|raymond|alexander|
patrick|jack|dennis|jerry|tyler|aaron|henry|douglas|peter|adam|nathan|walter|harold|
kyle|carl|arthur|gerald|roger|keith|jeremy|lawrence|terry|sean|christian|albert|joe|
ethan|austin|jesse|willie|billy|bruce|ralph|bryan|roy|eugene|louis|wayne|alan|juan|
carlos|jose|luis|jorge|pedro|miguel|antonio|francisco|manuel|fernando|ricardo|hans|
karl|klaus|helmut|jean|pierre|jacques|francois|michel|philippe|alain|giovanni|giuseppe|
mario|marco|luca|vladimir|mikhail|sergei|boris|dmitry|ivan|yuri|viktor|
lionel|cristiano|neymar|kylian|roger|rafael|novak|andy|serena|venus|
mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|
margaret|betty|sandra|ashley|dorothy|kimberly|emily|donna|michelle|carol|amanda|melissa|
deborah|stephanie|rebecca|laura|sharon|cynthia|kathleen|amy|shirley|angela|helen|anna|
brenda|pamela|nicole|emma|samantha|katherine|christine|debra|rachel|catherine|carolyn|
janet|ruth|maria|heather|diane|virginia|julie|joyce|victoria|olivia|kelly|christina|
lauren|joan|evelyn|judith|megan|cheryl|andrea|hannah|martha|jacqueline|frances|gloria|
ann|teresa|kathryn|sara|janice|jean|alice|madison|doris|abigail|julia|judy|grace|denise|
amber|marilyn|beverly|danielle|theresa|sophia|marie|diana|brittany|natalie|isabella|
charlotte|rose|alexis|kayla|margaret|ronald|nelson|fidel|mikhail|yasser|menachem|
shimon|yitzhak|benazir|zia|hosni|muammar|saddam|ayatollah|ali|akbar|hashemi|deng|li|
zhao|hu|xi|wen|jiang|kim|lee|park|nakasone|yasuhiro|noboru|kiichi|satoshi|takeshi|
""")

# Common surnames: evidence that a capitalised run is a person.
SURNAMES = _words("""
kumar|singh|yadav|sharma|verma|gupta|khan|shah|patel|reddy|rao|naidu|nair|menon|pillai|
iyer|iyengar|das|dutta|datta|ghosh|bose|banerjee|chatterjee|mukherjee|chakraborty|
chakrabarti|sen|roy|sarkar|mishra|misra|tiwari|pandey|dubey|trivedi|chaturvedi|joshi|
kulkarni|deshpande|patil|pawar|shinde|jadhav|thakur|chauhan|chouhan|rathore|rajput|
choudhary|chaudhary|chowdhury|chaudhuri|jain|agarwal|aggarwal|goyal|goel|bansal|mittal|
malhotra|kapoor|kapur|khanna|mehra|mehta|bhatt|bhat|desai|gandhi|modi|shaikh|sheikh|
ansari|qureshi|siddiqui|hussain|husain|ahmed|ali|munda|oraon|gogoi|bora|baruah|
barua|saikia|hazarika|kalita|deka|sinha|prasad|jha|mandal|paswan|gowda|hegde|
shetty|kamath|pai|naik|gill|sandhu|sidhu|dhillon|grewal|bajwa|brar|mann|rawat|negi|
bisht|saxena|srivastava|nigam|tripathi|shukla|dwivedi|upadhyay|bhardwaj|rana|
chand|lal|nath|devi|kumari|begum|bano|khatun|fernandes|fernandez|d'souza|dsouza|pinto|
rodrigues|gomes|lobo|joseph|thomas|varghese|mathew|abraham|kurian|george|jacob|philip|
chandran|krishnan|raman|subramanian|swaminathan|venkatesan|balaji|murugan|selvam|
pandian|stalin|naik|kamat|rane|parrikar|thackeray|
gadkari|chavan|deshmukh|siddaramaiah|shivakumar|bommai|
yediyurappa|kumaraswamy|vijayan|chandy|chennithala|tharoor|venugopal|sudhakaran|
banerjee|adhikari|moitra|majumdar|rawal|sisodia|kejriwal|
mann|badal|chidambaram|jaitley|swaraj|sitharaman|goyal|scindia|
shah|rajnath|pradhan|vaishnaw|puri|rijiju|sarma|sonowal|
biswas|saha|deb|chakma|reang|debbarma|sangma|conrad|rio|zoramthanga|biren|ibobi|
akhtar|mirza|baig|beg|pathan|syed|sayyed|sayed|rizvi|naqvi|abbas|zaidi|kazmi|
ramesh|suresh|mahajan|gokhale|apte|bapat|joglekar|sathe|more|gaikwad|kale|salve|
sen|dey|paul|pal|halder|haldar|mondal|biswas|bhattacharya|bhattacharjee|ganguly|
tendulkar|kohli|dhoni|sharma|pant|iyer|pujara|ashwin|jadeja|bumrah|shami|
chopra|mittal|ambani|adani|tata|birla|premji|nilekani|murthy|bajaj|mahindra|
smith|johnson|williams|brown|jones|garcia|miller|davis|rodriguez|martinez|hernandez|
lopez|gonzalez|wilson|anderson|taylor|moore|jackson|martin|lee|perez|thompson|white|
harris|sanchez|clark|ramirez|lewis|robinson|walker|young|allen|king|wright|scott|
torres|nguyen|hill|flores|green|adams|nelson|baker|hall|rivera|campbell|mitchell|
carter|roberts|gomez|phillips|evans|turner|diaz|parker|cruz|edwards|collins|reyes|
stewart|morris|morales|murphy|cook|rogers|gutierrez|ortiz|morgan|cooper|peterson|
bailey|reed|kelly|howard|ramos|kim|cox|ward|richardson|watson|brooks|chavez|wood|
james|bennett|gray|mendoza|ruiz|hughes|price|alvarez|castillo|sanders|patel|myers|
long|ross|foster|jimenez|reagan|bush|baker|volcker|greenspan|thatcher|kohl|mitterrand|
chirac|gorbachev|yeltsin|shultz|weinberger|meese|dole|kennedy|
ronaldo|federer|nadal|djokovic|
""") | namebank.SURNAMES

# Capitalised function words that start sentences and are never part of a name.
SENTENCE_WORDS = _words("""
a|an|the|if|but|and|or|so|when|while|though|although|also|as|at|in|on|of|for|to|by|with|
from|after|before|since|during|meanwhile|however|then|this|that|these|those|there|here|
he|she|it|they|we|i|you|his|her|its|their|our|my|your|him|them|us|me|who|what|which|
why|how|where|both|all|some|many|most|several|each|every|no|not|now|today|yesterday|
tomorrow|earlier|later|according|speaking|addressing|talking|sources|police|
""")

# Communities, castes and peoples: a span with one of these words is no person.
COMMUNITIES = _words("""
kuki|zo|meitei|naga|dalit|dalits|adivasi|koeri|kurmi|yadavs|jat|jats|maratha|marathas|
patidar|lingayat|vokkaliga|ezhava|nair|bodo|mizo|garo|khasi|santhal|gond|bhil|
indians|americans|britons|pakistanis|chinese|muslims|hindus|sikhs|christians|
opposition|government|centre|police|army|
""")

# Words just before a work's title: "his novel Mujhe Pahachaano" names no person.
WORK_WORDS = _words("""
novel|book|books|film|films|movie|movies|collection|play|poem|poems|poetry|song|songs|album|
memoir|autobiography|biography|titled|entitled|series|show|essays|story|stories|anthology|
translation|documentary|serial|magazine|newspaper|daily|paper|report|platform|app|brand|
study|studies|treatise|epic|drama|volume|verse|verses|novella|screenplay|lyrics|
""")
