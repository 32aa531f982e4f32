export { chooseLanguage, currentLanguage, i18n, languageLoaded, LANGUAGES, PSEUDO, recordT, t, type Language, type Translate } from './i18n';
export { formatAge, formatCrmDate, formatNumber, formatTime, formatTimeOr } from './format';
export { mainLanguage, tellMainTheLanguage } from './mainLanguage';
export { mainText } from './mainText';
export { useTranslation } from 'react-i18next';
