// The fixed words documents print (headings, footers), read from layouts/labels.yaml.
import ArticleModel
import Diagnostics
import Foundation

/// Every label a document prints; the labels file must define each in both languages.
public enum Label: String, CaseIterable, Sendable {
    case summary, definition, types, causes, symptoms, surgery, drugs, treatments, conclusion, disclaimer
    case complications, prevention, livingWith = "living_with", recovery, diet, outlook, whenToGetHelp = "when_to_get_help"
    case calloutDo = "callout_do", calloutDont = "callout_dont", picture, reviewNotGiven = "review_not_given"
    case keyTakeaways = "key_takeaways", warningSigns = "warning_signs", diagnosticTests = "diagnostic_tests"
    case warningDetails = "warning_details"
    case medicineSafety = "medicine_safety", firstSteps = "first_steps", medicines, mistakes
    case urgentHelp = "urgent_help", doctorVisit = "doctor_visit", whichDoctor = "which_doctor"
    case tellDoctor = "tell_doctor", questions, tests, roadmap, step, tips
    case diaryPrompts = "diary_prompts", faq, references, about, version, reviewer
    case lastReviewed = "last_reviewed", nextReview = "next_review", readFull = "read_full"
    case pageOf = "page_of", handout, missingBangla = "missing_bangla"
    // Doctor-visit checklist
    case checklist, patientName = "patient_name", age, date, doctorOrService = "doctor_or_service"
    case beforeYouGo = "before_you_go", whenStarted = "when_started", howChanged = "how_changed"
    case medicinesTaken = "medicines_taken", allergies, pregnancy, longTerm = "long_term"
    case mainProblem = "main_problem", whatToDo = "what_to_do", whyImportant = "why_important", answer
    case genericTests = "generic_tests"
    // Symptom diaries
    case diaryWeek = "diary_week", diaryMonth = "diary_month", weekStarting = "week_starting", month
    case whatToRecord = "what_to_record", day, writeZero = "write_zero", scale
    case scale0 = "scale_0", scale2 = "scale_2", scale4 = "scale_4", scale6 = "scale_6", scale8 = "scale_8"
    case scale10 = "scale_10"
    case kindCount = "kind_count", kindScore = "kind_score", kindYesNo = "kind_yes_no", kindNote = "kind_note"
    case timeOfDay = "time_of_day", betterWorse = "better_worse"
    case genericSymptoms = "generic_symptoms", genericPain = "generic_pain", genericSleep = "generic_sleep"
    case genericActivity = "generic_activity", genericMedicines = "generic_medicines"
    case medicineLog = "medicine_log", medicineName = "medicine_name", dose, time, helped, helpedKey = "helped_key"
    case notes, nextVisit = "next_visit", hospitalNow = "hospital_now"
    // One-page summary
    case onePage = "one_page", whenToSee = "when_to_see", seeDoctorIf = "see_doctor_if"
    // Wallet card
    case card, drugAllergies = "drug_allergies", name, emergencyContact = "emergency_contact", doctor, conditions
    case currentMedicines = "current_medicines", updatedOn = "updated_on"
    // The clinic printing the document
    case clinicPhone = "clinic_phone", clinicEmergency = "clinic_emergency", callEmergency = "call_emergency"
    case callShort = "call_short", hospitalNowCall = "hospital_now_call"
    // The patient it is printed for
    case preparedFor = "prepared_for", clinician, nextAppointment = "next_appointment", clinicianNote = "clinician_note"
    // Treatment planner
    case treatmentPlanner = "treatment_planner", plannerIntro = "planner_intro", treatmentOption = "treatment_option"
    case benefitsTold = "benefits_told", risks, costWhere = "cost_where", myDecision = "my_decision", anyTreatment = "any_treatment"
    case askName = "ask_name", askHowWhen = "ask_how_when", askHowLong = "ask_how_long", askMissed = "ask_missed"
    case askSideEffects = "ask_side_effects", askAvoid = "ask_avoid", askInteractions = "ask_interactions"
    // Health record
    case healthRecord = "health_record", allergyTo = "allergy_to", reaction, medicinesNow = "medicines_now", when
    case prescribedBy = "prescribed_by", medicinesBefore = "medicines_before", howLong = "how_long", didItHelp = "did_it_help"
    case testResults = "test_results", test, result, reportKept = "report_kept", pastIllnesses = "past_illnesses"
    case illnessOrOperation = "illness_or_operation"
    // Family and caregiver sheet
    case caregiver, contacts, who, clinicOrHospital = "clinic_or_hospital", pharmacy, familyMember = "family_member"
    case medicineSchedule = "medicine_schedule", medicineAndDose = "medicine_and_dose", morning, midday, evening, night
    case appointments, doctorOrPlace = "doctor_or_place", whatWasDone = "what_was_done", nextStep = "next_step"
    // Prevention, recovery and nutrition guides
    case preventionGuide = "prevention_guide", recoveryGuide = "recovery_guide", nutritionGuide = "nutrition_guide", myPlan = "my_plan"
    case habitsToChange = "habits_to_change", activityPlan = "activity_plan", therapyGiven = "therapy_given", followUp = "follow_up"
    case myFoods = "my_foods", medicinesAndFood = "medicines_and_food", withFood = "with_food"
}

public struct Labels: Sendable {
    var texts: [Label: [Language: String]]
    var months: [Language: [String]]

    /// The label in `language`, with `{name}` placeholders filled from `values`.
    public func text(_ label: Label, _ language: Language, _ values: [String: String] = [:]) -> String {
        var text = texts[label]?[language] ?? label.rawValue
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Reads the labels file; every label needs both languages.
    public static func load(path: String) throws(DiagnosticError) -> Labels {
        let reader = try YAMLReader(contentsOf: path)
        let keys = Label.allCases.map(\.rawValue)
        var texts: [Label: [Language: String]] = [:]
        var months: [Language: [String]] = [:]
        if let f = reader.root?.fields(known: keys + ["months"], required: keys + ["months"]) {
            for label in Label.allCases {
                guard let pair = f[label.rawValue]?.fields(known: ["en", "bn"], required: ["en", "bn"]) else { continue }
                texts[label] = [.en: pair["en"]?.text() ?? "", .bn: pair["bn"]?.text() ?? ""]
            }
            if let m = f["months"]?.fields(known: ["en", "bn"], required: ["en", "bn"]) {
                for language in Language.allCases {
                    let names = m[language.rawValue]?.items()?.compactMap { $0.text() } ?? []
                    if names.count != 12 { m[language.rawValue]?.error("expected 12 month names, found \(names.count)") }
                    months[language] = names
                }
            }
        } else if reader.root == nil {
            throw DiagnosticError(.error("the labels file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        try reader.throwIfErrors()
        return Labels(texts: texts, months: months)
    }
}
