import { list, type Lexicon } from "./lexicon-types";

export const ENGLISH: Lexicon = {
  urgent: {
    phrases: list(`
      emergency | chest pain | chestpain | pain in my chest | chest hurts | chest is hurting
      cant breathe | cant breath | cannot breathe | cannot breath | can not breathe
      difficulty breathing | trouble breathing | hard to breathe | struggling to breathe
      short of breath | shortness of breath | choking | heavy bleeding | bleeding heavily
      bleeding a lot | lots of blood | wont stop bleeding | bleeding wont stop
      bleeding doesnt stop | bleeding will not stop | blood wont stop | fainted | fainting
      =faint | passed out | unconscious | lost consciousness | collapsed | high fever
      high temperature | very high temperature | allergic reaction | anaphyla* | seizure
      convuls* | knocked out | broken jaw | hard to swallow | cant swallow | cannot swallow
      face swelled | face swelling | swelling of the face | numb arm | throat is closing
      face drooping | face is drooping | slurred | slurring | cant speak | cant talk | stroke
      heart attack | not responding | unresponsive
      throat closing | pouring blood | gushing blood | blood everywhere | feel faint
      turning blue | panic attack | heart is racing | heart racing | palpitations
      cant open my mouth | cannot open my mouth | not breathing | isnt breathing
      swelling up | swelled up | swells up | hives | suicid* | kill myself | want to die
      poison* | overdos* | call 911 | called 911 | call 999 | call 112 | ambulance | swallowed ~ pills | not waking up | throat feels tight | tight throat
      throat is tight | cant close my mouth | jaw wont close | jaw is stuck | eye wont open
      cant see | cant stop the bleeding | cant stop bleeding | soaked through
    `),
    pairs: [
      [
        list(`face | cheek | eye | lips | tongue | throat | neck | under my jaw | under the jaw`),
        list(`swollen | swolen | swelling | swelled | swell | swells | puffed up | puffy`),
      ],
      [
        list(`bleeding | blood | кров* | نزيف | =دم`),
        list(`
          wont stop | doesnt stop | not stopping | for hours | hours | cant stop | still bleeding
          everywhere | soaked | не останавлива* | не прекраща* | ما وقف | ما يوقف | مش راضي يوقف
        `),
      ],
      [
        list(`
          fell | fall | crash* | smashed | hit | punched | accident | knocked | got hit | =ударил*
          =упал* | =وقع*
        `),
        list(`
          face | jaw | mouth | front teeth | front tooth | teeth | lip | lips | зуб* | челюст* | лиц*
          سن | اسنان | فك | وجه
        `),
      ],
      [
        list(`throat | tongue | lips | breath* | chest`),
        list(`tight | tightening | closing | swelling | swollen | itchy | heavy`),
      ],
    ],
  },
  abuse: {
    phrases: list(`
      idiot* | stupid | moron* | dumbass | fuck* | shit | shitty | bullshit | bitch* | bastard*
      asshole* | =crap | crappy | retard* | shut up | piece of junk | piece of shit | scammer*
      scam | crook* | thieves | i will kill | ill kill | kill you | break everything | burn your
      smash your | jerk* | braindead | brain dead | =garbage | =clown* | =trash | =losers
      =ass | =asses | =arse | dickhead* | =dick | =prick | incompetent | brainless | clueless idiots
      scum* | =rubbish | youll regret | you will regret | watch your back | ill find you
      ill come for you | =wankers | =wanker | =twat* | =cunt*
    `),
    pairs: [
      [
        list(`useless | worthless | dumb | pathetic`),
        list(`bot | machine | robot | you | clinic | chat | answers | service | people`),
      ],
    ],
  },
  medication: {
    phrases: list(`
      ibuprofen | paracetamol | acetaminophen | tylenol | advil | nurofen | motrin | aspirin
      panadol | amoxicillin | amoxil | augmentin | metronidazole | clindamycin | azithromycin
      penicillin | codeine | tramadol | naproxen | diclofenac | ketorolac | nimesulide | warfarin
      xarelto | eliquis | clopidogrel | heparin | antihistamine* | antibiotic* | painkiller*
      pain killer* | pain relief | pain reliever* | pain medication | pain meds | =meds
      medicine* | medication* | =pill | =pills | =tablet* | capsule* | =dose | =doses | dosage
      =mg | milligram* | blood thinner* | prescri* | sedative* | antidepress* | insulin | thyroid
      hormone* | what should i take | what can i take | what do i take | # mg | # ml | # mcg
      =mcg | =ml | =tabs | =tab | =caps | excedrin | aleve | ketoprofen | nimesil | ketanov
      cephalexin | keflex | ciprofloxacin | cipro | doxycycline | erythromycin | clarithromycin
      metformin | lisinopril | atorvastatin | prednisone | prednisolone | dexamethasone
      benadryl | claritin | zyrtec | cetirizine | loratadine | chlorhexidine | corsodyl | orajel
      benzocaine | lidocaine cream | numbing gel | oxycodone | hydrocodone | vicodin | percocet
      morphine | valium | diazepam | xanax | alprazolam | antifungal | fluconazole | nystatin
      aspirin | brufen | calpol | voltaren | =abx | antibiotics | amox* | augmentin | =flagyl
      =z pack | zpack | birth control | the pill | contracepti* | =drug | =drugs | =overdose
      safe to take | ok to take | okay to take | fine to take | how often should i take
      how many should i take | take it with food | empty stomach | side effect* | allergic to
      mix ~ with alcohol | drink ~ on | =antacid* | =steroid* | =inhaler | eye drops | ointment
      =gel | mouthwash | =rinse | =spray | =supplement*
    `),
    context: list(`
      can i take | should i take | can i give | how much | how many | how often | safe to take
      ok to take | at the same time | together
    `),
  },
  symptoms: {
    phrases: list(`
      toothache | tooth ache | =pain | =pains | painful | painfull | hurts | hurting | =hurt
      =ache | =aches | aching | =sore | throb* | bleed | bleeds | bleeding | swollen | swelling
      abscess | =pus | =infect* | inflam* | numb | numbness | =lump | =bump | ulcer* | =rash
      =fever | feverish | temperature | dry socket | wobbly | loose tooth | feels loose
      gum disease | sensitive | sensitivity | smells bad | killing me | puffy | tender | dizzy | cough*
      tingl* | =sting | =stings | =stinging | lesion* | =cyst | =cysts | cracked | chipped
      brown spots | black spot* | dark spot* | itch* | =burning | =burns | reacts to | hard to open | cant open
      =temp | high temp | discolou* | discolor* | gone grey | turned grey | turning black
      =pimple | =blister* | white patch* | white spot* | =growth | oozing | =ooze | bad breath
      =bleeds | =bled | =gingivitis | periodont* | pulpitis | =nerve | twinges | =twinge
      headache* | migraine* | earache | ear ache | stomach ache | =nausea | nauseous | vomit*
      =throwing up | diarrh* | =chills | =shivering | =rash
      zaps | shooting pain | sharp pain | dull pain | killing me | =agony | =agonising | =agonizing
    `),
    innocent: list(`
      does ~ hurt | will ~ hurt | would ~ hurt | is ~ painful | be painful | painless | pain free
      without pain | no pain | going to hurt | sensitive teeth toothpaste | how ~ painful
      how much ~ hurt | how bad ~ hurt | didnt ~ hurt | did not ~ hurt | doesnt ~ hurt
      wont ~ hurt | not hurt
    `),
    pairs: [
      [
        list(`
          whats wrong | what is wrong | what could it be | what is it | what is this
          is it serious | is that serious | should i be worried | is it normal | is that normal
          diagnos* | what is going on | whats going on | what happened | should i worry
          is it bad | is this bad | is that bad | what causes | why does | why is my
          what could this be | what can it be | what does it mean | something wrong | weird
          strange | not right | feels off | feels weird | tight | tightness | stiff | clicks
          clicking | popping | locks | reacts | =react
        `),
        list(`
          tooth | teeth | gum | gums | jaw | tongue | lip | lips | mouth | cheek | molar | filling
          crown | implant | socket | palate | roof of my mouth | cheek | throat | wisdom tooth
          wisdom teeth | back tooth | front tooth | =root | =bite | =chew | =chewing
        `),
      ],
    ],
  },
  pregnancy: {
    phrases: list(`
      pregnan* | breastfeed* | breast feeding | breast feed | nursing | expecting a baby
      trimester | =ivf | weeks along | months along | =expecting | trying for a baby
      trying to conceive | trying to get pregnant | =ttc | preggo | =preggers | =miscarr*
      morning sickness | lactating | =lactation | breast milk | =nurse my | =postpartum
    `),
  },
  test_results: {
    phrases: list(`test results | lab results | my results | blood work | interpret*`),
    pairs: [
      [
        list(`
          test | tests | results | result | xray | x ray | x rays | xrays | scan | =ct | =mri
          panoramic | =lab | =opg | radiolog* | =report | photo | picture | image | blood sugar
          analysis | =pic | =pics | =selfie | screenshot | hba1c | a1c | glucose | sugar level
          hemoglobin | haemoglobin | =inr | cholesterol | platelet* | biopsy | blood count
          =cbc | =crp | vitamin d | =ferritin | ultrasound | =cbct | =3d scan | اشعه | صوره
          تحليل | تحاليل | снимок | снимк* | рентген* | анализ*
        `),
        list(`
          what does | mean | means | look at | tell me | show | shows | came back | normal
          shadow | attached | attaching | here is | sending | what is this | what is | high | low
          pdf | uploaded | upload | can the doctor say | can you say | whats visible
          what you see | from another clinic | report | wrote | written | says | #
          is that bad | is it bad | is this bad | can you tell | can u tell | what it is | sent you
          =check | =see | what do you think | ok or not | anything wrong | =level | levels
          explain* | =read | what does it say
        `),
      ],
    ],
  },
  children: {
    innocent: list(`@symptoms`),
    pairs: [
      [
        list(`
          child | childs | children | =kid | =kids | son | sons | daughter* | baby | babies
          toddler* | infant* | my boy | my girl | year old | years old | month old | =yo | =yr
          =yrs | little one | my little | =kiddo | =lo | newborn | preschooler | grandson
          granddaughter | nephew | niece | my boy | my girl | =y o | =bubba
        `),
        list(`
          @symptoms | @medication | @urgent | knocked | fell | fall | broke | broken | swallowed
          crying | cries | teething | wont eat | not eating | complains | fever | =temp
          fussy | drooling | wont sleep | not sleeping
        `),
      ],
    ],
  },
};
