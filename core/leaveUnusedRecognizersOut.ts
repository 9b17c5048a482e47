/**
 * Imported first by the entry point (index.ts), before anything loads
 * botbuilder-dialogs: see {@link leaveUnusedRecognizersOut}.
 */
import { leaveUnusedRecognizersOut } from './unusedRecognizers';

leaveUnusedRecognizersOut();
