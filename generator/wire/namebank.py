"""More surnames, Indian and international: evidence that a word names a person.

Kept apart from ``namelists`` so that the stoplists stay readable. Common English words that are
also names (Long, Young, Hope, Will, Rose) are left out on purpose: they would make any capitalised
phrase look like a person.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
 """Return the lower-cased entries of a whitespace-separated list."""
 return frozenset(w.strip().casefold() for w in text.split() if w.strip())


SURNAMES = _words("""
abdullah acharya adhikary advani agnihotri ahluwalia ahuja aiyar amin anand arora asthana
atwal awasthi azmi bachchan bagchi baghel bahl bakshi balakrishnan banerji basu batra bedi
beniwal bhagat bhandari bhargava bhasin bhatia bhatnagar bhattacharjee bhowmick bhushan bhuyan
bindra birla bishnoi bose brahma chadha chahal chakrabarty chandel chandra chaturvedi chawla
cheema chhabra chopra dalal dang dasgupta dave dayal deol deshpande dev dhar dhawan dhingra
dhoni dixit dogra dua dubey durrani dutt gahlot gandhi garg gehlot ghai gill goenka gokhale
gopal goswami grover guha handa hooda hora jadeja jaiswal jaitley jakhar jamwal jindal johar
joshi juneja kakkar kalra kanwar kapadia kashyap katiyar kaul kaur khandelwal kharge khatri
khurana kochhar kohli kotak kothari krishnamurthy kulkarni lamba lodha luthra madan mahajan
maheshwari maitra malik malviya mathur maurya mehrotra mishra mohan mohanty mukherji 
nanda narang narayan natarajan nayak nayyar oberoi ojha pandit pandya parekh pathak patnaik
phogat pillay prabhu puri purohit raghavan rajan ranganathan rathod rawal rizvi sabharwal
sahni sahu sanyal sarin sastry sehgal sethi shekhawat shenoy shrivastava sibal sikka singhal
sodhi solanki soni subramaniam suri talwar tandon tewari thakkar thakre tiwary tomar tyagi
upadhyaya vaidya varma vohra wadhwa walia yadava
annamalai arumugam ayyar chettiar gounder krishnaswamy mudaliar nadar padayachi pillai
rajagopal ramaswamy sampath seshadri srinivasan thevar vanniyar venkataraman
kurian cherian chacko kuruvilla menon namboodiri nambiar panicker pisharody poduval
thampi unnithan varkey warrier zacharias kunhi koya
gowda hegde jois kini kamath mallya nadig puttaswamy shetty urs
chowdary naidu raju reddy varma yadav kamma goud
bhonsle gaikwad jagtap khade mane nimbalkar patil sawant shelar shirke waghmare
banerjee basak bhowmik chakraborty das dasgupta datta ganguly ghoshal haldar kar lahiri
maity majumder mitra nandi pal poddar saha sengupta sinha
baruah bordoloi borthakur gogoi hazarika kakoty mahanta phukan rabha sonowal
bajwa brar dhaliwal grewal randhawa sandhu sekhon sidhu virk
marak sangma lyngdoh kharkongor nongrum syiem lalremruata
hussain khan qureshi rahman siddiqui usmani ansari farooqui
mohammed abbasi azam chaudhry sharif bhutto zardari afridi akram rizwan
smith jones williams brown taylor wilson evans thomas roberts johnson walker wright robinson
thompson hughes edwards harris martin jackson clarke clark 
moore morris watson harrison morgan allen davies anderson lewis
mitchell campbell stewart murray kennedy macdonald fraser
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann
dubois durand lefebvre moreau laurent leroy rousseau
rossi russo ferrari esposito bianchi romano colombo ricci marino
garcia fernandez gonzalez rodriguez lopez martinez sanchez perez gomez diaz
ivanov smirnov kuznetsov popov petrov sokolov putin zelensky
 zhang liu chen yang huang zhao zhou wu xu 
tanaka suzuki takahashi watanabe yamamoto nakamura kobayashi sato ito kato
kim choi cho yoon jang 
nguyen tran pham
carlsen nakamura caruana firouzja nepomniachtchi giri abdusattorov gukesh
axelsen momota ginting antonsen vitidsarn christie
djokovic alcaraz sinner medvedev zverev tsitsipas ruud rune swiatek sabalenka gauff
messi ronaldo mbappe neymar haaland kane salah modric
""")
