export * from './classify-error.js';
export * from './retry.js';
export * from './provider-limiter.js';
export * from './openai-client.js';
export { toChatResponse } from './to-chat-response.js';
export * from './provider-clients.js';
export * from './llm-env.js';
