import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { HandlingListPage } from './handling-list-page.tsx';
import { HandlingPage } from './handling-page.tsx';

/** The screens under /handling: the assignments in hand, and one assignment's handling (/handling/:assignmentId). */
export function HandlingSection() {
  return (
    <Routes>
      <Route index element={<HandlingListPage />} />
      <Route path=":assignmentId" element={<HandlingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
