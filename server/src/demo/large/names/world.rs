//! Names from around the world, which every office has some of.

pub const FIRST_WORLD: &str = "Priya, Aisha, Wei, Kenji, Fatima, Mateo, Ngozi, Arjun, Rahul, \
    Ananya, Deepika, Vikram, Mei, Hiroshi, Yuki, Sakura, Min-jun, Ji-woo, Seo-yeon, Thanh, Linh, \
    Minh, Ahmed, Omar, Layla, Yusuf, Amira, Chinedu, Oluwaseun, Adaeze, Kwame, Amara, Tomasz, \
    Agnieszka, Katarzyna, Piotr, Łukasz, Małgorzata, Dmitri, Olga, Ioana, Andrei, Giulia, Matteo, \
    Francesca, Lorenzo, João, Inês, Søren, Mette, Åsa, Ingrid, Anders, Nikos, Eleni, Zoltán, \
    Réka, Tereza, Jiří, Björk, Þórunn, Aroha, Leilani, Hiroko, Takeshi, Haruto, Yuna, Jin, Xin, \
    Hui, Jun, Yan, Zhen, Ravi, Sanjay, Anil, Sunita, Kavya, Aditi, Rohan, Nikhil, Meera, Sana, \
    Imran, Zainab, Bilal, Hamza, Mariam, Nour, Karim, Rania, Tariq, Chiamaka, Emeka, Tunde, \
    Abena, Kofi, Ama, Thabo, Lerato, Sipho, Nomvula, Ayodele, Folake, Bogdan, Marek, Zofia, Ewa, \
    Jakub, Oksana, Taras, Natalia, Sergei, Irina, Mihai, Chiara, Alessandro, Sofia, Gabriela, \
    Camila, Thiago, Valentina, Sigrid, Henrik, Freja, Magnus, Astrid, Kaito, Ren, Hyun-woo, \
    Ji-ho, Soo-ah, Anh, Quang, Trang, Mai, Kemal, Deniz, Oğuz, Yiannis, Dimitra, Tamar, Yosef, \
    Noa, Eitan, Dagný, Ólafur";
pub const LAST_WORLD: &str = "Patel, Khan, Nakamura, Okafor, Kowalski, Nguyen, Chen, Wang, Li, \
    Zhang, Liu, Kim, Park, Lee, Tanaka, Suzuki, Sato, Singh, Kumar, Sharma, Gupta, Iyer, Reddy, \
    Ali, Hussain, Rahman, Hassan, Ibrahim, Mensah, Adeyemi, Nwosu, Nowak, Wiśniewski, Wójcik, \
    Ivanova, Popescu, Rossi, Russo, Esposito, Bianchi, Silva, Santos, Pereira, Gonçalves, \
    Søndergaard, Jensen, Nielsen, Andersson, Johansson, Lindqvist, Papadopoulos, Tran, Pham, \
    Yamamoto, Takahashi, Haddad, Nagy, Dvořák, Novák, Jónsdóttir, Huang, Zhao, Wu, Zhou, Xu, Sun, \
    Ma, Zhu, Hu, Guo, He, Lin, Luo, Gao, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Kato, \
    Watanabe, Ito, Kobayashi, Yoshida, Yamada, Sasaki, Matsumoto, Inoue, Kimura, Shimizu, \
    Hayashi, Mori, Ahmed, Mohammed, Chowdhury, Das, Bose, Banerjee, Chatterjee, Mehta, Shah, \
    Joshi, Desai, Nair, Pillai, Menon, Rao, Verma, Agarwal, Malik, Qureshi, Siddiqui, Mahmoud, \
    Khalil, Nasser, Okonkwo, Eze, Balogun, Boateng, Owusu, Nkosi, Dlamini, Mokoena, Zieliński, \
    Lewandowski, Kamiński, Szymański, Kovalenko, Shevchenko, Bondarenko, Petrov, Smirnov, \
    Ionescu, Horvat, Kovač, Romano, Ricci, Marino, Greco, Costa, Ferreira, Oliveira, Almeida, \
    Carvalho, Sousa, Hansen, Larsen, Eriksson, Karlsson, Virtanen, Korhonen, Özdemir, Aydın, \
    Georgiou, Nikolaidis, Cohen, Levi, Friedman, Mizrahi, Le, Vu, Dang, Bui, Do, Hoang, \
    Jóhannsson";
