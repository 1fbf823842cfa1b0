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
      throat closing | pouring blood | gushing blood | blood everywhere | feel faint
      turning blue | panic attack | heart is racing | heart racing | palpitations
      cant open my mouth | cannot open my mouth | not breathing | isnt breathing
      swelling up | swelled up | swells up
    `),
    pairs: [
      [
        list(`face | cheek | eye | lips | tongue | throat | neck | under my jaw | under the jaw`),
        list(`swollen | swolen | swelling | swelled | swell | swells | puffed up | puffy`),
      ],
      [
        list(`bleeding | blood`),
        list(`wont stop | doesnt stop | not stopping | for hours | hours`),
      ],
    ],
  },
  abuse: {
    phrases: list(`
      idiot* | stupid | moron* | dumbass | fuck* | shit | shitty | bullshit | bitch* | bastard*
      asshole* | =crap | crappy | retard* | shut up | piece of junk | piece of shit | scammer*
      scam | crook* | thieves | i will kill | ill kill | kill you | break everything | burn your
      smash your | jerk* | braindead | brain dead | =garbage | =clown* | =trash | =losers
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
      hormone* | what should i take | what can i take | what do i take
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
      brown spots | black spot* | dark spot*
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
          diagnos* | what is going on | whats going on | what happened
        `),
        list(`
          tooth | teeth | gum | gums | jaw | tongue | lip | lips | mouth | cheek | molar | filling
          crown | implant | socket
        `),
      ],
    ],
  },
  pregnancy: {
    phrases: list(`
      pregnan* | breastfeed* | breast feeding | breast feed | nursing | expecting a baby
      trimester | =ivf | weeks along | months along | =expecting
    `),
  },
  test_results: {
    phrases: list(`test results | lab results | my results | blood work | interpret*`),
    pairs: [
      [
        list(`
          test | tests | results | result | xray | x ray | x rays | xrays | scan | =ct | =mri
          panoramic | =lab | =opg | radiolog* | =report | photo | picture | image | blood sugar
          analysis
        `),
        list(`
          what does | mean | means | look at | tell me | show | shows | came back | normal
          shadow | attached | attaching | here is | sending | what is this | what is | high | low
          pdf | uploaded | upload | can the doctor say | can you say | whats visible
          what you see | from another clinic | report | wrote | written | says
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
          =yrs
        `),
        list(`
          @symptoms | @medication | @urgent | knocked | fell | fall | broke | broken | swallowed
          crying | cries | teething | wont eat | not eating | complains
        `),
      ],
    ],
  },
};
