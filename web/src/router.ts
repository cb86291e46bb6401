// Pages by the part after "#", so the server serves one page at / and nothing else.
import { createRouter, createWebHashHistory } from 'vue-router';
import ReviewQueuePage from './pages/ReviewQueuePage.vue';
import SubmissionPage from './pages/SubmissionPage.vue';
import ReportPage from './pages/ReportPage.vue';
import ExportsPage from './pages/ExportsPage.vue';
import PeoplePage from './pages/PeoplePage.vue';
import AuditPage from './pages/AuditPage.vue';
import FormsPage from './pages/FormsPage.vue';
import RegistersPage from './pages/RegistersPage.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/review' },
    { path: '/review', name: 'review', component: ReviewQueuePage },
    { path: '/review/:id', name: 'submission', component: SubmissionPage, props: true },
    { path: '/reports', name: 'reports', component: ReportPage },
    { path: '/exports', name: 'exports', component: ExportsPage },
    { path: '/registers', name: 'registers', component: RegistersPage },
    { path: '/forms', name: 'forms', component: FormsPage },
    { path: '/people', name: 'people', component: PeoplePage },
    { path: '/activity', name: 'activity', component: AuditPage },
    { path: '/:rest(.*)', redirect: '/review' },
  ],
});
