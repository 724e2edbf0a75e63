import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { VisitDetailPage } from './visit-detail-page.tsx';
import { VisitNewPage } from './visit-new-page.tsx';
import { VisitsPage } from './visits-page.tsx';

/** The screens under /station-visits: the register, a new visit (phone form), one visit and what became of it. */
export function VisitsSection() {
  return (
    <Routes>
      <Route index element={<VisitsPage />} />
      <Route path="new" element={<VisitNewPage />} />
      <Route path=":visitId" element={<VisitDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
