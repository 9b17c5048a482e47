/**
 * How sure the bot must be of what it understood before it acts on it: every
 * threshold on a classifier score (0–1, NLP.js) in one place, so they can be
 * read and tuned against each other. The order matters: what throws work away
 * needs more certainty than what only answers.
 */
export const UNDERSTANDING_POLICY = {
    /** Below this an utterance counts as not understood (`none`). */
    understood: 0.6,
    /**
     * Score given to a message outside the bot's field that the classifier could not place:
     * below {@link interrupt}, so it never breaks into a task on its own.
     */
    outOfScope: 0.7,
    /**
     * Score of a message that names something outside the field ("my verizon bill", "mikro geht nicht"): as sure as an
     * interruption, so at a question in a task the bot says it cannot help with that and asks again.
     */
    offField: 0.85,
    /**
     * Score of a reading by word lists where the classifier placed nothing or less: where to see invoices
     * (`main:invoiceHistoryWords`: "how do I see our invoices") and removing a billing contact (`main:removalWords`).
     */
    ruleWords: 0.85,
    /** How sure the other language's classifier must be to understand a message in a conversation held in this one. */
    otherLanguage: 0.8,
    /** How much surer the classifier of the other language must be to overrule the guessed language. */
    otherLanguageMargin: 0.4,
    /** The rest of a message that asked about the billing role ("… and can you change it?") is acted on from here. */
    followOn: 0.75,
    /** A question after a no to an offer ("no thanks. but who is it right now?") is taken up from here: declined, the offer keeps nothing the words could answer. */
    questionAfterNo: 0.6,
    /** An interruption (help, status question, a person) breaks into a task from here. */
    interrupt: 0.8,
    /** Cancelling throws the task away, so it needs more certainty ("the other one" is no "cancel"). */
    cancel: 0.85,
    /** A one-word answer to the user-ID question counts as a command ("abbrechen"), not as a user ID, from here. */
    commandNotUserId: 0.8,
    /** A free-text answer (a description, a reason) is taken as "talk to a person" only from here. */
    personInFreeText: 0.9,
    /** The question (or request) a story of several sentences ends on decides what it asks from here ("… could you send peter a mail?"). */
    storyQuestion: 0.6,
    /** A sentence the classifier cannot place as a whole is read by the clause it is surest of from here ("Könnten Sie mir bitte sagen, wer …"). */
    clauseOfWhole: 0.9,
    /** One part of a message ("… and how do I reset my password") counts as a request of its own from here. */
    requestPart: 0.75,
    /** What follows an opening ("Hallo, …", "thanks! and …") is read as the message from here ("danke dir, hat geholfen" asks for nothing). */
    afterOpening: 0.75,
    /** From here a request wins over a user ID in the same message (else the user ID restarts the portal reset). */
    requestOverUserId: 0.8,
    /** A question at the rating's comment is taken as a new request instead of a comment from here. */
    requestAtComment: 0.8
} as const;
