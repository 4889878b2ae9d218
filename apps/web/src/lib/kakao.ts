// The Kakao JavaScript SDK, loaded only when someone shares with Kakao and only when a key is configured.
const SDK_URL = 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js';

interface KakaoSdk {
  isInitialized(): boolean;
  init(key: string): void;
  Share: { sendDefault(template: unknown): void };
}

declare global {
  interface Window {
    Kakao?: KakaoSdk;
  }
}

let loading: Promise<KakaoSdk> | null = null;

function loadSdk(): Promise<KakaoSdk> {
  loading ??= new Promise<KakaoSdk>((resolve, reject) => {
    if (window.Kakao) return resolve(window.Kakao);
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    script.crossOrigin = 'anonymous';
    script.onload = () => (window.Kakao ? resolve(window.Kakao) : reject(new Error('Kakao SDK missing')));
    script.onerror = () => reject(new Error('Kakao SDK failed to load'));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export interface KakaoShareContent {
  title: string;
  description: string;
  imageUrl: string;
  url: string;
  buttonTitle: string;
}

export async function shareWithKakao(key: string, content: KakaoShareContent): Promise<void> {
  const kakao = await loadSdk();
  if (!kakao.isInitialized()) kakao.init(key);
  const link = { mobileWebUrl: content.url, webUrl: content.url };
  kakao.Share.sendDefault({
    objectType: 'feed',
    content: { title: content.title, description: content.description, imageUrl: content.imageUrl, link },
    buttons: [{ title: content.buttonTitle, link }],
  });
}
