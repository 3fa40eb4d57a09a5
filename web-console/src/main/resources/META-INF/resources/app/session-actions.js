import { announce } from './announcer.js';
import { allPages, deleteRoom, deleteSession, listRooms } from './api.js';
import { askConfirmation } from './components/confirm-dialog.js';
import { pluralize } from './format.js';
import { messageOf } from './problem.js';

/**
 * Deleting a session or a room erases its photos and documents for good (the API deletes the stored files), so
 * both ask first and say exactly what goes, then announce how it went. Each answers true once deleted, false when
 * the user cancelled or it failed; the caller only updates its page.
 */

export function confirmAndDeleteSession(session) {
  return confirmAndDelete({
    question: async () => {
      const rooms = await allPages((cursor, limit) => listRooms(session.id, cursor, limit));
      return {
        title: `Delete the session “${session.title}”?`,
        lines: [
          `This erases its ${pluralize(rooms.length, 'room')} and all photos and documents in it, for good.`,
          'This cannot be undone.',
        ],
        confirmLabel: 'Delete session',
      };
    },
    remove: () => deleteSession(session.id),
    deleted: `Session “${session.title}” deleted.`,
    failed: 'The session could not be deleted',
  });
}

export function confirmAndDeleteRoom(room) {
  return confirmAndDelete({
    question: async () => ({
      title: `Delete the room “${room.name}”?`,
      lines: [
        'All its photos, plans and renders are erased for good, with their before/after comparisons.',
        'This cannot be undone.',
      ],
      confirmLabel: 'Delete room',
    }),
    remove: () => deleteRoom(room.id),
    deleted: `Room “${room.name}” deleted.`,
    failed: 'The room could not be deleted',
  });
}

/** question() is read inside the try: what it needs to know (a session's rooms) can fail like the deletion. */
async function confirmAndDelete({ question, remove, deleted, failed }) {
  try {
    if (!(await askConfirmation(await question()))) {
      return false;
    }
    await remove();
    announce(deleted);
    return true;
  } catch (error) {
    announce(`${failed}: ${messageOf(error)}`, { tone: 'error', timeout: 8000 });
    return false;
  }
}
