import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { language } from './i18n';
import './style.css';

document.documentElement.lang = language.value;
createApp(App).use(router).mount('#app');
