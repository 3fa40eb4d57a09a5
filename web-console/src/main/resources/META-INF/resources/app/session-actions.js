import { allPages, deleteRoom, deleteSession, listRooms } from './api.js';
import { askConfirmation } from './components/confirm-dialog.js';
import { pluralize } from './format.js';

/**
 * Deleting a session or a room erases its photos and documents for good (the API deletes the stored files), so
 * both ask first and say exactly what goes. Each answers true once deleted, false when the user cancelled.
 */

export async function confirmAndDeleteSession(session) {
  const rooms = await allPages((cursor, limit) => listRooms(session.id, cursor, limit));
  const accepted = await askConfirmation({
    title: `Delete the session “${session.title}”?`,
    lines: [
      `This erases its ${pluralize(rooms.length, 'room')} and all photos and documents in it, for good.`,
      'This cannot be undone.',
    ],
    confirmLabel: 'Delete session',
  });
  if (!accepted) {
    return false;
  }
  await deleteSession(session.id);
  return true;
}

export async function confirmAndDeleteRoom(room) {
  const accepted = await askConfirmation({
    title: `Delete the room “${room.name}”?`,
    lines: [
      'All its photos, plans and renders are erased for good, with their before/after comparisons.',
      'This cannot be undone.',
    ],
    confirmLabel: 'Delete room',
  });
  if (!accepted) {
    return false;
  }
  await deleteRoom(room.id);
  return true;
}
